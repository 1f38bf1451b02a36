#pragma once

#include <torch/torch.h>

#include "blocks/ConvMlp.h"
#include "blocks/SpatialAttention.h"

namespace logonet::model {

struct EncoderBlockOptions {
    EncoderBlockOptions(int64_t dim, int64_t mlpRatio) : dim_(dim), mlpRatio_(mlpRatio) {}
    TORCH_ARG(int64_t, dim);
    TORCH_ARG(int64_t, mlpRatio);
    TORCH_ARG(double, layerScaleInit) = 1e-2;
    TORCH_ARG(bool, fast) = true;
};

// Pre-norm block with residuals (paper, Algorithm 3):
//   x = x + ls1 * SpatialAttention(BN(x));  x = x + ls2 * MLP(BN(x))
class EncoderBlockImpl : public torch::nn::Module {
  public:
    explicit EncoderBlockImpl(const EncoderBlockOptions& options);
    torch::Tensor forward(const torch::Tensor& input);

    torch::nn::BatchNorm3d norm1{nullptr};
    SpatialAttention attention{nullptr};
    torch::nn::BatchNorm3d norm2{nullptr};
    ConvMlp mlp{nullptr};
    torch::Tensor layerScale1;
    torch::Tensor layerScale2;
};
TORCH_MODULE(EncoderBlock);

}  // namespace logonet::model
