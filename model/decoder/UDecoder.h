#pragma once

#include <torch/torch.h>

#include <vector>

#include "blocks/DecoderUnit.h"

namespace logonet::model {

struct UDecoderOptions {
    int64_t inChannels = 1;  // channels of the raw input (full-resolution stem)
    int64_t outChannels = 14;
    std::vector<int64_t> encoderDims{64, 128, 256, 512};  // d1..dS, each twice the previous
    bool fast = true;
};

// Trilinear upsampling by 2 along every axis (align_corners false), between decoder levels.
torch::Tensor upsampleTwice(const torch::Tensor& x);

// The U-shaped decoder of one ULKANet branch (LOGONET_SPEC section 3): from the coarsest encoder
// map up, block(c -> c/2) + upsample, concatenation skips refined by block(c -> c), two refining
// blocks at 1/2 resolution, an upsample to full resolution, concatenation with a full-resolution
// stem on the raw input and two output units.
class UDecoderImpl : public torch::nn::Module {
  public:
    explicit UDecoderImpl(const UDecoderOptions& options);
    // `features`: the encoder's outputs, finest first.
    torch::Tensor forward(const torch::Tensor& input, const std::vector<torch::Tensor>& features);

    torch::nn::ModuleList up{nullptr};     // block(c -> c/2), one per stage
    torch::nn::ModuleList skip{nullptr};   // block(c -> c) on encoder maps
    torch::nn::ModuleList merge{nullptr};  // block(2c -> c) after concatenation
    DecoderBlock refine1{nullptr};
    DecoderBlock refine2{nullptr};
    DecoderUnit stem1{nullptr};
    DecoderUnit stem2{nullptr};
    DecoderUnit out1{nullptr};
    DecoderUnit out2{nullptr};
};
TORCH_MODULE(UDecoder);

}  // namespace logonet::model
