#include "depthwise/DepthwiseConvFunction.h"

#include "depthwise/DepthwiseConvCuda.h"
#include "depthwise/DepthwiseConvKernel.h"

namespace logonet::model {
namespace {

class DepthwiseConv3dFunction : public torch::autograd::Function<DepthwiseConv3dFunction> {
  public:
    static torch::Tensor forward(torch::autograd::AutogradContext* context,
                                 const torch::Tensor& input, const torch::Tensor& weight,
                                 const torch::Tensor& bias, int64_t padding, int64_t dilation) {
        context->save_for_backward({input, weight});
        context->saved_data["padding"] = padding;
        context->saved_data["dilation"] = dilation;
        context->saved_data["hasBias"] = bias.defined();
        return input.is_cuda() ? depthwiseConvForwardCuda(input, weight, bias, padding, dilation)
                               : depthwiseConvForwardCpu(input, weight, bias, padding, dilation);
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext* context,
                                                   torch::autograd::variable_list gradients) {
        const auto saved = context->get_saved_variables();
        const torch::Tensor& input = saved[0];
        const torch::Tensor& weight = saved[1];
        const int64_t padding = context->saved_data["padding"].toInt();
        const int64_t dilation = context->saved_data["dilation"].toInt();
        const torch::Tensor gradOutput = gradients[0].contiguous();
        torch::Tensor gradInput;
        torch::Tensor gradWeight;
        torch::Tensor gradBias;
        const bool cuda = input.is_cuda();
        if (context->needs_input_grad(0)) {
            gradInput = cuda ? depthwiseConvInputGradCuda(gradOutput, weight, padding, dilation)
                             : depthwiseConvInputGradCpu(gradOutput, weight, padding, dilation);
        }
        if (context->needs_input_grad(1)) {
            const int64_t k = weight.size(2);
            gradWeight = cuda ? depthwiseConvWeightGradCuda(gradOutput, input, k, padding, dilation)
                              : depthwiseConvWeightGradCpu(gradOutput, input, k, padding, dilation);
        }
        if (context->saved_data["hasBias"].toBool() && context->needs_input_grad(2)) {
            gradBias = gradOutput.sum({0, 2, 3, 4});
        }
        return {gradInput, gradWeight, gradBias, torch::Tensor(), torch::Tensor()};
    }
};

}  // namespace

bool depthwiseConvFastPathApplies(const torch::Tensor& input) {
    if (!input.defined() || input.dim() != 5) {
        return false;
    }
    const auto type = input.scalar_type();
    if (input.device().is_cpu()) {
        return type == torch::kFloat || type == torch::kDouble;
    }
    return input.is_cuda() && depthwiseConvCudaCompiled() &&
           (type == torch::kFloat || type == torch::kDouble || type == torch::kHalf ||
            type == torch::kBFloat16);
}

bool depthwiseConvFastPathPreferred(const torch::Tensor& input) {
    // On the GPU cuDNN won at every shape of `logonet bench depthwise --device cuda` on an H200
    // (forward 1.05-1.7x, training step 1.3-3.5x faster; docs/BENCHMARKS.md, 2026-12-04): the
    // CUDA kernels stay built and checked (test_gpu, the benchmark) but the network calls LibTorch.
    return depthwiseConvFastPathApplies(input) && input.device().is_cpu();
}

torch::Tensor depthwiseConv3dFast(const torch::Tensor& input, const torch::Tensor& weight,
                                  const torch::Tensor& bias, int64_t padding, int64_t dilation) {
    return DepthwiseConv3dFunction::apply(input, weight, bias, padding, dilation);
}

}  // namespace logonet::model
