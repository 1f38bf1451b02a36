#pragma once

#include <torch/torch.h>

#include "blocks/CountedConv.h"

namespace logonet::model {

// True when `norm` normalises with its running statistics (eval mode), so that it can be folded
// into the convolution before it.
bool batchNormIsFoldable(const torch::nn::BatchNorm3d& norm);

// norm(conv(x)) computed as one convolution whose weight and bias absorb the eval-mode batch norm:
// it saves one full pass over the output.
torch::Tensor convWithFoldedBatchNorm(const torch::Tensor& input, Conv3dLayerImpl& conv,
                                      const torch::nn::BatchNorm3d& norm);

}  // namespace logonet::model
