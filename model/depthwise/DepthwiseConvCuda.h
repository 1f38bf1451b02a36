#pragma once

#include <torch/torch.h>

namespace logonet::model {

// True when this build compiled the CUDA depthwise kernels (LibTorch with CUDA and nvcc).
bool depthwiseConvCudaCompiled();

// The CUDA counterparts of DepthwiseConvKernel.h, for contiguous CUDA tensors of one floating
// type (float, double, half, bfloat16). They throw when the build has no CUDA kernels.
torch::Tensor depthwiseConvForwardCuda(const torch::Tensor& input, const torch::Tensor& weight,
                                       const torch::Tensor& bias, int64_t padding,
                                       int64_t dilation);
torch::Tensor depthwiseConvInputGradCuda(const torch::Tensor& gradOutput,
                                         const torch::Tensor& weight, int64_t padding,
                                         int64_t dilation);
torch::Tensor depthwiseConvWeightGradCuda(const torch::Tensor& gradOutput,
                                          const torch::Tensor& input, int64_t kernel,
                                          int64_t padding, int64_t dilation);

}  // namespace logonet::model
