#include "bench/KMeansBenchmark.h"

#include <torch/torch.h>

#include <chrono>

#include "kmeans/MiniBatchKMeans.h"
#include "kmeans/NpyMatrix.h"
#include "kmeans/RowSource.h"

namespace logonet::training {

KMeansBenchmarkResult runKMeansBenchmark(const KMeansBenchmarkOptions& options) {
    at::set_num_threads(options.threads);
    const torch::Device device(options.device);

    using Clock = std::chrono::steady_clock;
    const auto seconds = [](Clock::time_point from, Clock::time_point to) {
        return std::chrono::duration<double>(to - from).count();
    };
    const auto loading = Clock::now();
    const TensorRowSource source(readNpyMatrix(options.npyPath));
    const int64_t rows = source.rows();
    KMeansOptions kmeansOptions;
    kmeansOptions.clusters = options.clusters;
    kmeansOptions.batchRows = options.batchRows;
    // scikit-learn's max_iter counts passes over the data: passes * rows / batch steps.
    kmeansOptions.iterations = (options.epochs - options.lloydPasses) * rows / options.batchRows;
    kmeansOptions.lloydPasses = options.lloydPasses;
    kmeansOptions.seedRows = options.seedRows;
    kmeansOptions.seed = options.seed;
    kmeansOptions.device = device;

    // The GPU works asynchronously: each phase is timed once its work is done.
    const auto synchronize = [&] {
        if (device.is_cuda()) {
            torch::cuda::synchronize();
        }
    };
    const auto start = Clock::now();
    MiniBatchKMeans kmeans(kmeansOptions);
    kmeans.seed(source);
    synchronize();
    const auto seeded = Clock::now();
    kmeans.refine(source);
    synchronize();
    const auto refined = Clock::now();
    const auto assignment = kmeans.assign(source);
    synchronize();
    const auto done = Clock::now();

    KMeansBenchmarkResult result;
    result.seconds = seconds(start, done);
    result.loadSeconds = seconds(loading, start);
    result.seedSeconds = seconds(start, seeded);
    result.refineSeconds = seconds(seeded, refined);
    result.inertiaSeconds = seconds(refined, done);
    result.inertia = assignment.inertia;
    result.rows = rows;
    result.columns = source.columns();
    result.steps = kmeansOptions.iterations;
    result.threads = static_cast<int64_t>(at::get_num_threads());
    return result;
}

}  // namespace logonet::training
