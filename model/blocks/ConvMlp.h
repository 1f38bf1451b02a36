#pragma once

#include <torch/torch.h>

#include "blocks/CountedConv.h"

#include "depthwise/DepthwiseConv3d.h"

namespace logonet::model {

struct ConvMlpOptions {
    ConvMlpOptions(int64_t channels, int64_t ratio) : channels_(channels), ratio_(ratio) {}
    TORCH_ARG(int64_t, channels);
    TORCH_ARG(int64_t, ratio);
    TORCH_ARG(bool, fast) = true;  // depthwise convolution through the CPU kernel
};

// The encoder block's MLP: pointwise expansion by `ratio`, a 3^3 depthwise convolution (local
// position information), GELU, pointwise projection back.
class ConvMlpImpl : public torch::nn::Module {
  public:
    explicit ConvMlpImpl(const ConvMlpOptions& options);
    torch::Tensor forward(const torch::Tensor& input);

    Conv3dLayer fc1{nullptr};
    DepthwiseConv3d depthwise{nullptr};
    Conv3dLayer fc2{nullptr};
};
TORCH_MODULE(ConvMlp);

}  // namespace logonet::model
