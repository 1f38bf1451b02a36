#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace logonet::model {

// What `logonet bench forward` times: an architecture built twice with the same weights, once
// with the fast CPU kernels and inference fusions and once from plain LibTorch layers.
struct ForwardBenchmarkOptions {
    std::string architecture = "logonet";
    int64_t inChannels = 1;
    int64_t outChannels = 14;
    std::vector<int64_t> roi{96, 96, 96};
    int64_t batch = 1;
    int threads = 2;
    int repeats = 3;
    int64_t seed = 0;
    // A training step (train mode, forward and backward timed apart) instead of inference.
    bool backward = false;
    bool fastOnly = false;  // skip the plain network
    // Both networks under autocast (bfloat16 on the CPU).
    bool amp = false;
    // One more pass of each network under the operator profiler.
    bool profile = false;
    // The plain network once more in float64, as the oracle both float32 paths are measured
    // against: how far fast and plain may differ depends on the CPU's kernels (summation order),
    // how far fast strays from exact arithmetic compared with LibTorch's own float32 does not.
    // Ignored with amp or fastOnly.
    bool float64Reference = false;
};

// The operator tables of one profiled pass ("fast" or "plain"), formatted for a terminal.
struct ProfiledPath {
    std::string path;
    std::string byOperator;
    std::string byOperatorAndShapes;
};

// Medians over the repeats, in milliseconds; the plain and difference fields stay 0 with
// fastOnly, the backward ones without backward.
struct ForwardBenchmarkResult {
    double fastMs = 0;
    double fastBackwardMs = 0;
    double plainMs = 0;
    double plainBackwardMs = 0;
    double speedup = 0;
    double backwardSpeedup = 0;
    // Largest difference of the outputs (and input gradients), relative to the plain one's range.
    double maxRelativeDifference = 0;
    double maxRelativeInputGradientDifference = 0;
    // With float64Reference: each float32 path's largest difference from the float64 one, on the
    // same scale.
    double fastOutputError = 0;
    double plainOutputError = 0;
    double fastInputGradientError = 0;
    double plainInputGradientError = 0;
    // With float64Reference: how far the plain float32 output (input gradient) moves when the
    // input moves by a relative 1e-6, a few float32 roundings. A train-mode step on a small crop
    // is ill-conditioned (batch norm over a handful of deep voxels): for logonet-tiny at 32^3,
    // batch 2, the input gradient moves by 1e-3, so float32 paths that round differently may
    // differ that much without either being wrong.
    double outputSensitivity = 0;
    double inputGradientSensitivity = 0;
    std::vector<ProfiledPath> profiles;
};

// Sets LibTorch's thread count and seed, builds both networks and times them. Throws
// std::invalid_argument for an unknown architecture or a crop it cannot take.
ForwardBenchmarkResult runForwardBenchmark(const ForwardBenchmarkOptions& options);

}  // namespace logonet::model
