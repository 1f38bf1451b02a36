#pragma once

#include <torch/torch.h>

#include "blocks/CountedConv.h"

namespace logonet::model {

// The segmentation head after the branches are summed:
// Conv3d(c, c, 3, pad 1) -> BatchNorm3d -> GELU -> Conv3d(c, c, 1).
class FusionHeadImpl : public torch::nn::Module {
  public:
    FusionHeadImpl(int64_t channels, bool fast);
    torch::Tensor forward(const torch::Tensor& input);

    Conv3dLayer conv1{nullptr};
    torch::nn::BatchNorm3d norm{nullptr};
    Conv3dLayer conv2{nullptr};

  private:
    bool fast_ = true;
};
TORCH_MODULE(FusionHead);

}  // namespace logonet::model
