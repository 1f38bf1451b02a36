#pragma once

#include <torch/torch.h>

#include "decoder/UDecoder.h"
#include "encoder/LkaEncoder.h"

namespace logonet::model {

// One ULKANet feature extractor: the large-kernel-attention encoder and its U-shaped decoder.
// (B, in, D, H, W) -> (B, out, D, H, W) for sizes divisible by encoder.stride().
class UBranchImpl : public torch::nn::Module {
  public:
    UBranchImpl(const LkaEncoderOptions& encoderOptions, int64_t outChannels);
    torch::Tensor forward(const torch::Tensor& input);

    LkaEncoder encoder{nullptr};
    UDecoder decoder{nullptr};
};
TORCH_MODULE(UBranch);

}  // namespace logonet::model
