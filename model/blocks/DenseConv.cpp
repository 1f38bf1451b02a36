#include "blocks/DenseConv.h"

#include <ATen/Context.h>
#include <ATen/autocast_mode.h>

namespace logonet::model {

bool denseConvUsesOneDnn(const torch::Tensor& input, const torch::Tensor& weight) {
    // Under CPU autocast torch::conv3d itself runs in bfloat16 on oneDNN; a direct call would not
    // be cast and would stay in float32.
    return !at::autocast::is_autocast_enabled(at::kCPU) && at::hasMKLDNN() &&
           at::globalContext().userEnabledMkldnn() && input.device().is_cpu() &&
           input.scalar_type() == torch::kFloat && weight.scalar_type() == torch::kFloat &&
           input.dim() == 5 && !input.is_mkldnn();
}

torch::Tensor denseConv3d(const torch::Tensor& input, const torch::Tensor& weight,
                          const torch::Tensor& bias, torch::IntArrayRef stride,
                          torch::IntArrayRef padding, torch::IntArrayRef dilation, int64_t groups,
                          bool fast) {
    if (fast && denseConvUsesOneDnn(input, weight)) {
        // Differentiable: its backward is LibTorch's convolution_backward.
        return at::mkldnn_convolution(input.contiguous(), weight.contiguous(), bias, padding,
                                      stride, dilation, groups);
    }
    return torch::conv3d(input, weight, bias, stride, padding, dilation, groups);
}

}  // namespace logonet::model
