#pragma once

#include <torch/torch.h>

namespace logonet::model {

// True where our kernels can take the call: a 5D CPU float/double tensor, or a 5D CUDA tensor
// (float, double, half, bfloat16) when the build has the CUDA kernels.
bool depthwiseConvFastPathApplies(const torch::Tensor& input);

// True where the network should take our kernels rather than LibTorch's convolution: where they
// apply and a benchmark shows them faster (the CPU; see the definition for the GPU).
bool depthwiseConvFastPathPreferred(const torch::Tensor& input);

// Depthwise 3D convolution (stride 1) through the CPU or CUDA kernel, differentiable with respect
// to input, weight and bias. `bias` may be undefined.
torch::Tensor depthwiseConv3dFast(const torch::Tensor& input, const torch::Tensor& weight,
                                  const torch::Tensor& bias, int64_t padding, int64_t dilation);

}  // namespace logonet::model
