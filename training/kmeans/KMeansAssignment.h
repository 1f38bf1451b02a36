#pragma once

#include <torch/torch.h>

#include <cstdint>

#include "kmeans/RowSource.h"

namespace logonet::training {

// Every row's cluster and squared distance, and their sum (the inertia).
struct KMeansAssignment {
    torch::Tensor cluster;   // (n) int64, CPU
    torch::Tensor distance;  // (n) float32, CPU
    double inertia = 0.0;
};

// Assigns all rows of `source`, `chunkRows` at a time, so device memory stays bounded by one
// chunk whatever the number of rows. `centroids` may live on any device; chunks follow them.
KMeansAssignment assignRows(const RowSource& source, const torch::Tensor& centroids,
                            int64_t chunkRows = 4096);

}  // namespace logonet::training
