#pragma once

#include <torch/torch.h>

#include "blocks/CountedConv.h"

#include "blocks/LargeKernelAttention.h"

namespace logonet::model {

// x + proj2(LKA(GELU(proj1(x)))) with pointwise projections.
class SpatialAttentionImpl : public torch::nn::Module {
  public:
    explicit SpatialAttentionImpl(const LargeKernelAttentionOptions& options);
    torch::Tensor forward(const torch::Tensor& input);

    Conv3dLayer proj1{nullptr};
    LargeKernelAttention attention{nullptr};
    Conv3dLayer proj2{nullptr};
};
TORCH_MODULE(SpatialAttention);

}  // namespace logonet::model
