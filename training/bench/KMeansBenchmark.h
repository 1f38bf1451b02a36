#pragma once

#include <cstdint>
#include <string>

namespace logonet::training {

// What `logonet bench kmeans` fits: one clusterer on a float32 .npy matrix (rows = samples),
// k-means++ seeding, mini-batch steps for (epochs - lloydPasses) passes over the rows, then
// lloydPasses full Lloyd passes.
struct KMeansBenchmarkOptions {
    std::string npyPath;
    int64_t clusters = 100;
    int64_t batchRows = 1024;
    int64_t epochs = 10;
    int64_t lloydPasses = 0;
    int64_t seedRows = 0;  // 0: the k-means default
    uint64_t seed = 0;
    int threads = 2;
    std::string device = "cpu";
};

// Where the time went (seconds; the total leaves out reading the file) and what came out.
struct KMeansBenchmarkResult {
    double seconds = 0;
    double loadSeconds = 0;
    double seedSeconds = 0;
    double refineSeconds = 0;
    double inertiaSeconds = 0;  // the final assignment of every row
    double inertia = 0;
    int64_t rows = 0;
    int64_t columns = 0;
    int64_t steps = 0;  // mini-batch steps
    int64_t threads = 0;
};

// Sets LibTorch's thread count, reads the matrix and fits. Throws on an unreadable file or an
// unknown device.
KMeansBenchmarkResult runKMeansBenchmark(const KMeansBenchmarkOptions& options);

}  // namespace logonet::training
