#pragma once

#include <torch/torch.h>

namespace logonet::training {

// bias[j] + x_i . w_j for every row x_i of `rows` (m, d) and every row w_j of `weights` (k, d):
// (m, k), one matrix product. `bias` is (k).
//
// On the CPU the product runs as a 1x1 convolution over channels-last "images" of the rows, which
// LibTorch hands to oneDNN: Debian's LibTorch sends torch::mm to the system BLAS, which is the
// reference BLAS unless OpenBLAS is installed (2.8 GFLOP/s against oneDNN's ~100 per core on the
// project's machine). On other devices, or without oneDNN, it is torch::addmm.
torch::Tensor rowProducts(const torch::Tensor& rows, const torch::Tensor& weights,
                          const torch::Tensor& bias);

}  // namespace logonet::training
