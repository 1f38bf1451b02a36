#pragma once

#include <algorithm>

#include <torch/torch.h>

// The largest absolute difference of two tensors relative to the largest magnitude of the
// reference `b` (a tolerance that does not depend on the data's scale).
inline double maxRelativeDifference(const torch::Tensor& a, const torch::Tensor& b) {
    const double scale = std::max(1e-12, b.abs().max().item<double>());
    return (a - b).abs().max().item<double>() / scale;
}
