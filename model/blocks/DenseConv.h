#pragma once

#include <torch/torch.h>

namespace logonet::model {

// torch::conv3d with `fast` routing to oneDNN on the CPU wherever oneDNN can take the call.
// LibTorch 2.15 still sends batch-1 convolutions with a small input (N*C*D*H <= 20480: most of
// LoGoNet's encoder) to its unfold + gemm fallback, slow_conv3d, which was 35 % of a 96^3 forward
// pass. Measured with MKL's BLAS on the project's machine, 2 threads: a 32->32 3^3 convolution
// on 24^3 takes 33.5 ms that way against 4.0 ms in oneDNN (forward and backward: 103 against
// 69 ms); see docs/BENCHMARKS.md. Where a gradient is needed, stride-1 dense convolutions go
// through DenseConvFunction, whose backward LibTorch's beats several times on LoGoNet's small
// encoder maps, except logonet-tiny's 16^3..32^3 maps with few channels, which train fastest in
// channels-last layout (the output is then channels-last too). `fast` off gives torch::conv3d
// exactly.
torch::Tensor denseConv3d(const torch::Tensor& input, const torch::Tensor& weight,
                          const torch::Tensor& bias, torch::IntArrayRef stride,
                          torch::IntArrayRef padding, torch::IntArrayRef dilation, int64_t groups,
                          bool fast);

// True where denseConv3d(fast = true) calls oneDNN for this input itself.
bool denseConvUsesOneDnn(const torch::Tensor& input, const torch::Tensor& weight);

}  // namespace logonet::model
