#pragma once

#include <torch/torch.h>

#include <utility>

#include "blocks/CountedConv.h"

namespace logonet::model {

// True when `norm` normalises with its running statistics (eval mode), so that it can be folded
// into the convolution before it.
bool batchNormIsFoldable(const torch::nn::BatchNorm3d& norm);
bool batchNormIsFoldable(const torch::nn::BatchNorm3dImpl& norm);

// The per-channel (scale, shift) with norm(y) = y * scale + shift for an eval-mode batch norm
// with these statistics and (when `affine`) parameters; the statistics may be several norms'
// concatenated (the grouped local branches fold all eight at once).
std::pair<torch::Tensor, torch::Tensor> foldedBatchNormScaleShift(
    const torch::Tensor& runningMean, const torch::Tensor& runningVar, const torch::Tensor& weight,
    const torch::Tensor& bias, const torch::nn::BatchNormOptions& options);

// norm(conv(x)) computed as one convolution whose weight and bias absorb the eval-mode batch norm:
// it saves one full pass over the output.
torch::Tensor convWithFoldedBatchNorm(const torch::Tensor& input, Conv3dLayerImpl& conv,
                                      const torch::nn::BatchNorm3d& norm);

}  // namespace logonet::model
