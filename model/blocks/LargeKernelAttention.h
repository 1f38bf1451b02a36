#pragma once

#include <torch/torch.h>

#include "blocks/CountedConv.h"

#include "depthwise/DepthwiseConv3d.h"

namespace logonet::model {

struct LargeKernelAttentionOptions {
    explicit LargeKernelAttentionOptions(int64_t channels) : channels_(channels) {}
    TORCH_ARG(int64_t, channels);
    TORCH_ARG(int64_t, localKernel) = 5;
    TORCH_ARG(int64_t, dilatedKernel) = 7;
    TORCH_ARG(int64_t, dilation) = 3;
    TORCH_ARG(bool, fast) = true;  // depthwise convolutions through the CPU kernel
};

// 3D large-kernel attention: a 5^3 depthwise, a 7^3 depthwise dilated by 3 (19^3 receptive
// field) and a pointwise convolution build an attention map that gates the input.
class LargeKernelAttentionImpl : public torch::nn::Module {
  public:
    explicit LargeKernelAttentionImpl(const LargeKernelAttentionOptions& options);
    torch::Tensor forward(const torch::Tensor& input);

    torch::nn::BatchNorm3d norm{nullptr};
    DepthwiseConv3d local{nullptr};
    DepthwiseConv3d dilated{nullptr};
    Conv3dLayer pointwise{nullptr};
};
TORCH_MODULE(LargeKernelAttention);

}  // namespace logonet::model
