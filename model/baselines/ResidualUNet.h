#pragma once

#include <torch/torch.h>

#include "blocks/CountedConv.h"

#include <vector>

#include "network/Network.h"

namespace logonet::model {

struct ResidualUNetOptions {
    int64_t inChannels = 1;
    int64_t outChannels = 14;
    // Channels per resolution level; each further level halves the resolution.
    std::vector<int64_t> features{32, 64, 128, 256, 512};
    int64_t encoderBlocks = 2;  // residual blocks per encoder level
    std::vector<int64_t> roi{96, 96, 96};
    bool fast = true;
};

// The baseline a lab compares against: a residual 3D U-Net (strided-conv downsampling,
// transposed-conv upsampling, concatenation skips). About 40 M parameters by default, between
// ULKANet and LoGoNet. Weight names: encoder.*, decoder.*, head.* (the final 1x1 classifier).
class ResidualUNetImpl : public NetworkImpl {
  public:
    explicit ResidualUNetImpl(const ResidualUNetOptions& options);
    torch::Tensor forward(const torch::Tensor& input) override;
    std::string architecture() const override { return "unet"; }
    NetworkOptions options() const override;
    int64_t sizeDivisor() const override;

    torch::nn::ModuleList encoder{nullptr};   // one Sequential of residual blocks per level
    torch::nn::ModuleList upsample{nullptr};  // ConvTranspose3d(k 2, stride 2), coarse to fine
    torch::nn::ModuleList decoder{nullptr};   // residual block after each concatenation
    Conv3dLayer head{nullptr};

  private:
    ResidualUNetOptions options_;
};

}  // namespace logonet::model
