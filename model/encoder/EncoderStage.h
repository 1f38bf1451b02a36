#pragma once

#include <torch/torch.h>

#include "blocks/EncoderBlock.h"
#include "encoder/PatchEmbedding.h"

namespace logonet::model {

struct EncoderStageOptions {
    EncoderStageOptions(int64_t inChannels, int64_t dim, int64_t depth, int64_t mlpRatio)
        : inChannels_(inChannels), dim_(dim), depth_(depth), mlpRatio_(mlpRatio) {}
    TORCH_ARG(int64_t, inChannels);
    TORCH_ARG(int64_t, dim);
    TORCH_ARG(int64_t, depth);
    TORCH_ARG(int64_t, mlpRatio);
    TORCH_ARG(int64_t, kernel) = 3;  // patch embedding: 7 for the first stage
    TORCH_ARG(int64_t, stride) = 2;  // patch embedding: 4 for the first stage
    TORCH_ARG(bool, fast) = true;
};

// One encoder stage: patch embedding, `depth` encoder blocks, then a LayerNorm over the channels
// of every voxel.
class EncoderStageImpl : public torch::nn::Module {
  public:
    explicit EncoderStageImpl(const EncoderStageOptions& options);
    torch::Tensor forward(const torch::Tensor& input);

    PatchEmbedding embedding{nullptr};
    torch::nn::ModuleList blocks{nullptr};
    torch::nn::LayerNorm norm{nullptr};
};
TORCH_MODULE(EncoderStage);

}  // namespace logonet::model
