#pragma once

#include <torch/torch.h>

namespace logonet::training {

// bias[j] + x_i . w_j for every row x_i of `rows` (m, d) and every row w_j of `weights` (k, d):
// (m, k), one matrix product. `bias` is (k).
//
// On the CPU the product runs as a 1x1 convolution over channels-last "images" of the rows, which
// LibTorch hands to oneDNN. Re-measured with PyTorch 2.15's LibTorch (MKL BLAS) on the project's
// AMD EPYC machines, 2 threads: oneDNN still beats MKL's sgemm there by 1.8x (8192 x 9216 rows,
// 100 centroids: 222 against 399 ms) to 2.3x (6 centroids), since MKL does not use AVX-512 on
// AMD CPUs; see docs/BENCHMARKS.md. On other devices, or without oneDNN, it is torch::addmm.
torch::Tensor rowProducts(const torch::Tensor& rows, const torch::Tensor& weights,
                          const torch::Tensor& bias);

}  // namespace logonet::training
