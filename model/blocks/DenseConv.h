#pragma once

#include <torch/torch.h>

namespace logonet::model {

// torch::conv3d with `fast` routing to oneDNN on the CPU wherever oneDNN can take the call.
// LibTorch's own choice sends batch-1 convolutions with a small input (N*C*D*H <= 20480, most of
// LoGoNet's encoder and all its 1x1x1 projections) to its unfold + BLAS fallback, which with
// Debian's reference BLAS runs at well under 1 GFLOP/s. `fast` off gives torch::conv3d exactly.
torch::Tensor denseConv3d(const torch::Tensor& input, const torch::Tensor& weight,
                          const torch::Tensor& bias, torch::IntArrayRef stride,
                          torch::IntArrayRef padding, torch::IntArrayRef dilation, int64_t groups,
                          bool fast);

// True where denseConv3d(fast = true) calls oneDNN for this input.
bool denseConvUsesOneDnn(const torch::Tensor& input, const torch::Tensor& weight);

}  // namespace logonet::model
