#pragma once

#include <torch/torch.h>

#include "blocks/CountedConv.h"

namespace logonet::model {

struct DecoderUnitOptions {
    DecoderUnitOptions(int64_t inChannels, int64_t outChannels)
        : inChannels_(inChannels), outChannels_(outChannels) {}
    TORCH_ARG(int64_t, inChannels);
    TORCH_ARG(int64_t, outChannels);
    TORCH_ARG(int64_t, kernel) = 3;
    // Eval-mode batch norm folded into the convolution.
    TORCH_ARG(bool, fast) = true;
};

// The decoder's unit: Conv3d(k, pad k/2, bias) -> BatchNorm3d -> LeakyReLU.
class DecoderUnitImpl : public torch::nn::Module {
  public:
    explicit DecoderUnitImpl(const DecoderUnitOptions& options);
    torch::Tensor forward(const torch::Tensor& input);

    Conv3dLayer conv{nullptr};
    torch::nn::BatchNorm3d norm{nullptr};

  private:
    DecoderUnitOptions options_;
};
TORCH_MODULE(DecoderUnit);

// The decoder's block: unit(in -> out) then unit(out -> out).
class DecoderBlockImpl : public torch::nn::Module {
  public:
    DecoderBlockImpl(int64_t inChannels, int64_t outChannels, bool fast);
    torch::Tensor forward(const torch::Tensor& input);

    DecoderUnit first{nullptr};
    DecoderUnit second{nullptr};
};
TORCH_MODULE(DecoderBlock);

}  // namespace logonet::model
