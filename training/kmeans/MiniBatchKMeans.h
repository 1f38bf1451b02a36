#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <functional>
#include <random>
#include <stdexcept>

#include "kmeans/KMeansAssignment.h"
#include "kmeans/NearestCentroid.h"
#include "kmeans/RowSource.h"

namespace logonet::training {

// Thrown when a progress callback asks to stop; nothing fitted so far is kept by the callers.
class ClusteringCancelled : public std::runtime_error {
  public:
    ClusteringCancelled() : std::runtime_error("clustering was cancelled") {}
};

struct KMeansOptions {
    int64_t clusters = 100;
    // Rows per mini-batch step: a fresh random subset of distinct rows each step.
    int64_t batchRows = 1024;
    int64_t iterations = 100;  // mini-batch steps
    // Full (Lloyd) passes over all rows after the mini-batch steps: each costs one pass over the
    // data and usually lowers the inertia more than the same work spent on mini-batches.
    int64_t lloydPasses = 0;
    // Rows sampled for k-means++ seeding; 0 picks max(batchRows, 3 * clusters), at most all rows.
    // Seeding reads the whole sample once per cluster, so its size is most of the seeding's cost:
    // scikit-learn's 3 * batchRows took 3-5 times as long on 1024-row batches and K = 100 for
    // a final inertia 0.3% lower (docs/BENCHMARKS.md).
    int64_t seedRows = 0;
    // Centres that won fewer than this fraction of the busiest centre's rows are moved onto rows
    // of the current batch, as scikit-learn's MiniBatchKMeans does.
    double reassignmentRatio = 0.01;
    int64_t chunkRows = 4096;  // rows per GEMM when passing over all rows
    uint64_t seed = 0;
    torch::Device device = torch::kCPU;
};

// Called after every mini-batch step and Lloyd pass with (done, total); returning false cancels.
using KMeansProgress = std::function<bool(int64_t done, int64_t total)>;

// Mini-batch k-means (Sculley 2010) with k-means++ seeding and per-centre learning rates
// 1 / (rows the centre has won so far). Distances are matrix products on `device`.
class MiniBatchKMeans {
  public:
    explicit MiniBatchKMeans(KMeansOptions options);

    // seed() then refine(). Throws ClusteringCancelled.
    void fit(const RowSource& source, const KMeansProgress& progress = {});

    void seed(const RowSource& source);
    // The mini-batch steps and the Lloyd passes from the current centres.
    void refine(const RowSource& source, const KMeansProgress& progress = {});
    // One mini-batch update with `batch` (rows on the compute device).
    void step(const torch::Tensor& batch);
    // One Lloyd pass: every centre moves to the mean of the rows nearest to it.
    void lloydPass(const RowSource& source);

    KMeansAssignment assign(const RowSource& source) const;

    // Centres on the compute device and the number of rows each has won in mini-batch steps.
    const torch::Tensor& centroids() const { return centroids_; }
    const torch::Tensor& counts() const { return counts_; }
    void setState(const torch::Tensor& centroids, const torch::Tensor& counts);
    const KMeansOptions& options() const { return options_; }

  private:
    void reassignSmallClusters(const torch::Tensor& batch);

    KMeansOptions options_;
    std::mt19937_64 random_;
    torch::Tensor centroids_;
    torch::Tensor counts_;
    torch::Tensor sums_;  // per-step sums of the rows each centre won, reused
    int64_t rowsSinceReassignment_ = 0;
};

}  // namespace logonet::training
