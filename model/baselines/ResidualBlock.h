#pragma once

#include <torch/torch.h>

#include "blocks/CountedConv.h"

namespace logonet::model {

struct ResidualBlockOptions {
    ResidualBlockOptions(int64_t inChannels, int64_t outChannels)
        : inChannels_(inChannels), outChannels_(outChannels) {}
    TORCH_ARG(int64_t, inChannels);
    TORCH_ARG(int64_t, outChannels);
    TORCH_ARG(int64_t, stride) = 1;
    TORCH_ARG(bool, fast) = true;  // eval-mode batch norms folded into their convolutions
};

// conv3-BN-LeakyReLU-conv3-BN plus a shortcut (1x1 conv + BN where the shape changes), then
// LeakyReLU: the unit of the residual U-Net baseline.
class ResidualBlockImpl : public torch::nn::Module {
  public:
    explicit ResidualBlockImpl(const ResidualBlockOptions& options);
    torch::Tensor forward(const torch::Tensor& input);

    Conv3dLayer conv1{nullptr};
    torch::nn::BatchNorm3d norm1{nullptr};
    Conv3dLayer conv2{nullptr};
    torch::nn::BatchNorm3d norm2{nullptr};
    Conv3dLayer shortcutConv{nullptr};  // null when the shortcut is the identity
    torch::nn::BatchNorm3d shortcutNorm{nullptr};

  private:
    torch::Tensor convNorm(const torch::Tensor& x, Conv3dLayer& conv, torch::nn::BatchNorm3d& norm,
                           int64_t padding);

    ResidualBlockOptions options_;
};
TORCH_MODULE(ResidualBlock);

}  // namespace logonet::model
