#pragma once

#include <vector>

#include <torch/torch.h>

namespace logonet::model {

// How DenseConvFunction's backward computes the weight (and bias) gradient.
enum class DenseWeightGradient {
    // LibTorch's convolution_backward for the weight alone (oneDNN on the CPU for float).
    Library,
    // One matrix product per (depth, height) kernel offset over the flattened padded input, so
    // that every product reads shifted rows in place instead of an im2col copy.
    ShiftedProducts,
};

// A dense 3D convolution (stride 1, dilation 1, groups 1, zero padding `padding` per axis) whose
// backward computes the input gradient as a *forward* convolution of the output gradient with
// the weight transposed (in <-> out) and flipped, padded by k - 1 - p. LibTorch 2.15's own
// backward for oneDNN convolutions on LoGoNet's small encoder maps is several times slower than
// its forward (32->32 3^3 on 24^3: 4 ms forward, about 58 ms backward; see docs/BENCHMARKS.md).
// Float inputs on the CPU run through oneDNN; other types through at::convolution.
torch::Tensor denseConv3dForwardBackward(const torch::Tensor& input, const torch::Tensor& weight,
                                         const torch::Tensor& bias,
                                         const std::vector<int64_t>& padding,
                                         DenseWeightGradient weightGradient);

}  // namespace logonet::model
