#pragma once

#include <torch/torch.h>

#include "blocks/CountedConv.h"

namespace logonet::model {

struct PatchEmbeddingOptions {
    PatchEmbeddingOptions(int64_t inChannels, int64_t dim, int64_t kernel, int64_t stride)
        : inChannels_(inChannels), dim_(dim), kernel_(kernel), stride_(stride) {}
    TORCH_ARG(int64_t, inChannels);
    TORCH_ARG(int64_t, dim);
    TORCH_ARG(int64_t, kernel);
    TORCH_ARG(int64_t, stride);
    TORCH_ARG(bool, fast) = true;  // eval-mode batch norm folded into the convolution
};

// Strided Conv3d(kernel, stride, pad kernel/2) then BatchNorm3d: downsamples into a stage.
class PatchEmbeddingImpl : public torch::nn::Module {
  public:
    explicit PatchEmbeddingImpl(const PatchEmbeddingOptions& options);
    torch::Tensor forward(const torch::Tensor& input);

    Conv3dLayer conv{nullptr};
    torch::nn::BatchNorm3d norm{nullptr};

  private:
    PatchEmbeddingOptions options_;
};
TORCH_MODULE(PatchEmbedding);

}  // namespace logonet::model
