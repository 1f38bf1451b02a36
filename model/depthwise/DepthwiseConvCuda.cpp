#include "depthwise/DepthwiseConvCuda.h"

#include <stdexcept>

#ifdef LOGONET_DEPTHWISE_CUDA
#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>

#include "depthwise/DepthwiseConvCudaLaunch.h"
#endif

namespace logonet::model {

#ifdef LOGONET_DEPTHWISE_CUDA
namespace {

cuda::ElementType elementType(const torch::Tensor& tensor) {
    switch (tensor.scalar_type()) {
        case torch::kFloat:
            return cuda::ElementType::Float;
        case torch::kDouble:
            return cuda::ElementType::Double;
        case torch::kHalf:
            return cuda::ElementType::Half;
        case torch::kBFloat16:
            return cuda::ElementType::BFloat16;
        default:
            throw std::invalid_argument(
                "depthwise convolution (CUDA): float, double, half or bfloat16 expected");
    }
}

void checkCudaArguments(const torch::Tensor& input, const torch::Tensor& weight) {
    if (input.dim() != 5 || weight.dim() != 5 || weight.size(1) != 1 ||
        weight.size(0) != input.size(1) || weight.size(2) != weight.size(3) ||
        weight.size(2) != weight.size(4)) {
        throw std::invalid_argument(
            "depthwise convolution: expected input (N, C, D, H, W) and weight (C, 1, k, k, k)");
    }
    if (!input.is_cuda() || input.device() != weight.device() ||
        input.scalar_type() != weight.scalar_type()) {
        throw std::invalid_argument(
            "depthwise convolution (CUDA): input and weight on one GPU, of one type");
    }
}

cuda::DepthwiseShape shapeOf(const torch::Tensor& input, int64_t kernel, int64_t padding,
                             int64_t dilation) {
    cuda::DepthwiseShape s{};
    s.batch = input.size(0);
    s.channels = input.size(1);
    s.depth = input.size(2);
    s.height = input.size(3);
    s.width = input.size(4);
    s.kernel = kernel;
    s.padding = padding;
    s.dilation = dilation;
    const int64_t span = dilation * (kernel - 1);
    s.outDepth = s.depth + 2 * padding - span;
    s.outHeight = s.height + 2 * padding - span;
    s.outWidth = s.width + 2 * padding - span;
    if (s.outDepth < 1 || s.outHeight < 1 || s.outWidth < 1) {
        throw std::invalid_argument("depthwise convolution: input smaller than the kernel");
    }
    return s;
}

void* currentStream() {
    return static_cast<void*>(c10::cuda::getCurrentCUDAStream().stream());
}

}  // namespace

bool depthwiseConvCudaCompiled() {
    return true;
}

torch::Tensor depthwiseConvForwardCuda(const torch::Tensor& inputIn, const torch::Tensor& weightIn,
                                       const torch::Tensor& biasIn, int64_t padding,
                                       int64_t dilation) {
    checkCudaArguments(inputIn, weightIn);
    const c10::cuda::CUDAGuard deviceGuard(inputIn.device());
    const torch::Tensor input = inputIn.contiguous();
    const torch::Tensor weight = weightIn.contiguous();
    const torch::Tensor bias =
        biasIn.defined() ? biasIn.to(input.scalar_type()).contiguous() : biasIn;
    const cuda::DepthwiseShape s = shapeOf(input, weight.size(2), padding, dilation);
    torch::Tensor output =
        torch::empty({s.batch, s.channels, s.outDepth, s.outHeight, s.outWidth}, input.options());
    cuda::launchDepthwiseForward(elementType(input), input.data_ptr(), weight.data_ptr(),
                                 bias.defined() ? bias.data_ptr() : nullptr, output.data_ptr(), s,
                                 currentStream());
    return output;
}

torch::Tensor depthwiseConvInputGradCuda(const torch::Tensor& gradOutput,
                                         const torch::Tensor& weight, int64_t padding,
                                         int64_t dilation) {
    // The transposed correlation is the correlation with the mirrored kernel.
    const int64_t mirroredPadding = dilation * (weight.size(2) - 1) - padding;
    if (mirroredPadding < 0) {
        throw std::invalid_argument("depthwise convolution: padding larger than the kernel span");
    }
    return depthwiseConvForwardCuda(gradOutput, weight.flip({2, 3, 4}), torch::Tensor(),
                                    mirroredPadding, dilation);
}

torch::Tensor depthwiseConvWeightGradCuda(const torch::Tensor& gradOutputIn,
                                          const torch::Tensor& inputIn, int64_t kernel,
                                          int64_t padding, int64_t dilation) {
    const c10::cuda::CUDAGuard deviceGuard(inputIn.device());
    const torch::Tensor input = inputIn.contiguous();
    const torch::Tensor gradOutput = gradOutputIn.to(input.scalar_type()).contiguous();
    const cuda::DepthwiseShape s = shapeOf(input, kernel, padding, dilation);
    if (gradOutput.size(2) != s.outDepth || gradOutput.size(3) != s.outHeight ||
        gradOutput.size(4) != s.outWidth) {
        throw std::invalid_argument("depthwise convolution: gradient of the wrong size");
    }
    torch::Tensor gradWeight =
        torch::empty({s.channels, 1, kernel, kernel, kernel}, input.options());
    cuda::launchDepthwiseWeightGrad(elementType(input), gradOutput.data_ptr(), input.data_ptr(),
                                    gradWeight.data_ptr(), s, currentStream());
    return gradWeight;
}

#else

bool depthwiseConvCudaCompiled() {
    return false;
}

namespace {
[[noreturn]] void noCuda() {
    throw std::runtime_error(
        "depthwise convolution: this build has no CUDA kernels (LibTorch without CUDA)");
}
}  // namespace

torch::Tensor depthwiseConvForwardCuda(const torch::Tensor&, const torch::Tensor&,
                                       const torch::Tensor&, int64_t, int64_t) {
    noCuda();
}
torch::Tensor depthwiseConvInputGradCuda(const torch::Tensor&, const torch::Tensor&, int64_t,
                                         int64_t) {
    noCuda();
}
torch::Tensor depthwiseConvWeightGradCuda(const torch::Tensor&, const torch::Tensor&, int64_t,
                                          int64_t, int64_t) {
    noCuda();
}

#endif

}  // namespace logonet::model
