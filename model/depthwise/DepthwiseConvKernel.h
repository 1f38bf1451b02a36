#pragma once

#include <torch/torch.h>

namespace logonet::model {

// Loops for a stride-1 depthwise 3D cross-correlation on the CPU, the operation of
// torch::conv3d(input, weight, bias, 1, padding, dilation, groups = C). Input (N, C, D, H, W),
// weight (C, 1, k, k, k); float or double. Slices are copied into a zero-padded layout
// (PaddedPlaneLayout) where every tap is one contiguous multiply-add (DepthwiseSliceLoops); work
// is split over (sample, channel[, output slices]) with at::parallel_for.

// Output (N, C, D + 2p - dil(k-1), ...); `bias` may be undefined.
torch::Tensor depthwiseConvForwardCpu(const torch::Tensor& input, const torch::Tensor& weight,
                                      const torch::Tensor& bias, int64_t padding, int64_t dilation);

// Gradient with respect to the input: the same correlation with the kernel mirrored.
torch::Tensor depthwiseConvInputGradCpu(const torch::Tensor& gradOutput,
                                        const torch::Tensor& weight, int64_t padding,
                                        int64_t dilation);

// Gradient with respect to the weight (C, 1, k, k, k).
torch::Tensor depthwiseConvWeightGradCpu(const torch::Tensor& gradOutput,
                                         const torch::Tensor& input, int64_t kernel,
                                         int64_t padding, int64_t dilation);

}  // namespace logonet::model
