#pragma once

#include <torch/torch.h>

namespace logonet::training {

// For each row, the index of its nearest centroid and the squared Euclidean distance to it.
struct NearestCentroid {
    torch::Tensor cluster;   // (m) int64
    torch::Tensor distance;  // (m) float32, squared, never negative
};

// Squared norms of the rows of a (m, d) matrix: (m).
torch::Tensor squaredRowNorms(const torch::Tensor& rows);

// One matrix product per call: |x|^2 - 2 x.c + |c|^2 with |c|^2 precomputed, so the cost is a
// single GEMM of (m, d) x (d, K) on whatever device the tensors live on.
NearestCentroid nearestCentroid(const torch::Tensor& rows, const torch::Tensor& centroids,
                                const torch::Tensor& centroidNorms);

// Squared distances from every row to every centroid: (m, K).
torch::Tensor squaredDistances(const torch::Tensor& rows, const torch::Tensor& centroids,
                               const torch::Tensor& centroidNorms);

}  // namespace logonet::training
