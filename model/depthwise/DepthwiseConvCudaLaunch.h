#pragma once

#include <cstdint>

// The CUDA depthwise convolution, as plain launch functions on raw device pointers: this header
// includes neither LibTorch nor CUDA, so DepthwiseConvCuda.cu compiles with nvcc alone and the
// LibTorch side (DepthwiseConvCuda.cpp) with the host compiler.

namespace logonet::model::cuda {

enum class ElementType { Float, Double, Half, BFloat16 };

// A stride-1 depthwise 3D correlation on contiguous (N, C, D, H, W) tensors, weight
// (C, 1, k, k, k), as torch::conv3d(groups = C) computes it.
struct DepthwiseShape {
    int64_t batch, channels;
    int64_t depth, height, width;           // input
    int64_t outDepth, outHeight, outWidth;  // output
    int64_t kernel, padding, dilation;
};

// output = conv(input, weight) + bias; `bias` may be null. `stream` is a cudaStream_t.
void launchDepthwiseForward(ElementType type, const void* input, const void* weight,
                            const void* bias, void* output, const DepthwiseShape& shape,
                            void* stream);

// gradWeight (C, 1, k, k, k) from the output gradient (N, C, outD, outH, outW) and the input.
void launchDepthwiseWeightGrad(ElementType type, const void* gradOutput, const void* input,
                               void* gradWeight, const DepthwiseShape& shape, void* stream);

}  // namespace logonet::model::cuda
