#pragma once

#include <torch/torch.h>

namespace logonet::training {

// Centroids made ready for nearest-centroid queries. A row x is nearest to the centroid c with
// the largest score x.c - |c|^2 / 2 (its squared distance is |x|^2 - 2 score, and |x|^2 is the
// same for every centroid), so a query of m rows is one product of (m, d) by (d, K) plus a bias
// (see rowProducts), and the centroids serve as the product's weights without a copy.
struct CentroidQuery {
    explicit CentroidQuery(const torch::Tensor& centroids);
    CentroidQuery(const torch::Tensor& centroids, const torch::Tensor& norms);

    torch::Tensor weights;  // (K, d): the centroids
    torch::Tensor bias;     // (K): -|c|^2 / 2
};

// For each row, the index of its nearest centroid.
struct NearestCentroid {
    torch::Tensor cluster;  // (m) int64
    torch::Tensor score;    // (m) float32: the largest x.c - |c|^2 / 2

    // The squared Euclidean distances, never negative, given the rows' squaredRowNorms.
    torch::Tensor distance(const torch::Tensor& rowNorms) const;
};

// Squared norms of the rows of a (m, d) matrix: (m).
torch::Tensor squaredRowNorms(const torch::Tensor& rows);

NearestCentroid nearestCentroid(const torch::Tensor& rows, const CentroidQuery& centroids);

// Squared distances from every row to every centroid, never negative: (m, K).
torch::Tensor squaredDistances(const torch::Tensor& rows, const torch::Tensor& rowNorms,
                               const CentroidQuery& centroids);

}  // namespace logonet::training
