#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <functional>
#include <vector>

#include "kmeans/KMeansAssignment.h"
#include "kmeans/MiniBatchKMeans.h"
#include "kmeans/RowSource.h"

namespace logonet::training {

struct MultiClustererOptions {
    int64_t clusterers = 10;
    int64_t kMin = 80;
    int64_t kMax = 500;
    // Each step draws a fresh random subset of this fraction of all rows (at most batchRows).
    double subset = 0.1;
    int64_t iterations = 350;
    int64_t batchRows = 1024;
    int64_t chunkRows = 4096;
    uint64_t seed = 0;
    torch::Device device = torch::kCPU;
};

struct FittedClusterer {
    int64_t k = 0;
    torch::Tensor centroids;  // (k, columns) float32, CPU
    double inertia = 0.0;     // over all rows
    uint64_t seed = 0;
    int64_t batchRows = 0;  // rows per step actually used
};

// (clusterer, iteration done, iterations) -> false cancels.
using MultiClustererProgress = std::function<bool(int64_t, int64_t, int64_t)>;

// N mini-batch k-means clusterers with K drawn uniformly from [kMin, kMax] (clipped to the number
// of rows), each with its own seed and its own random subsets: several views of the same slices
// give the pre-training several pseudo-label sets (spec section 6).
class MultiClusterer {
  public:
    explicit MultiClusterer(MultiClustererOptions options);

    // Throws ClusteringCancelled when `progress` returns false.
    std::vector<FittedClusterer> fit(const RowSource& source,
                                     const MultiClustererProgress& progress = {}) const;
    static KMeansAssignment assign(const RowSource& source, const FittedClusterer& clusterer,
                                   const torch::Device& device, int64_t chunkRows = 4096);

    const MultiClustererOptions& options() const { return options_; }

  private:
    MultiClustererOptions options_;
};

}  // namespace logonet::training
