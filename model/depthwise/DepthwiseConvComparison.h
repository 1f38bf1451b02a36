#pragma once

#include <string>
#include <vector>

namespace logonet::model {

// One depthwise convolution problem of the shapes LoGoNet's LKA uses (kernel 5, and 7 with
// dilation 3), at batch `batch`.
struct DepthwiseProblem {
    int64_t batch = 1;
    int64_t channels = 8;
    int64_t depth = 9;
    int64_t height = 10;
    int64_t width = 11;
    int64_t kernel = 5;
    int64_t dilation = 1;
    std::string type = "float32";  // float32, float64, float16 or bfloat16

    std::string describe() const;
};

// How the fast kernels on one device compare with torch::conv3d(groups = C) computed in double
// precision on the CPU (the ground truth), and how fast they are against torch::conv3d on the
// same device and type (cuDNN on a GPU).
struct DepthwiseComparison {
    DepthwiseProblem problem;
    std::string device;
    // max |fast - reference| / max |reference|, for the output and the three gradients
    double outputError = 0;
    double inputGradientError = 0;
    double weightGradientError = 0;
    double biasGradientError = 0;
    double tolerance = 0;  // what the type can be expected to meet
    bool withinTolerance = false;
    // medians of `repeats` timed calls after a warm-up; forward+backward for the *_step values
    double fastForwardMs = 0;
    double plainForwardMs = 0;
    double fastStepMs = 0;
    double plainStepMs = 0;
};

// The accuracy cases: small odd sizes, kernels 3/5/7, dilation 1 and 3, every type the device's
// kernels take ("cpu": float32, float64; "cuda": also float16, bfloat16).
std::vector<DepthwiseProblem> depthwiseAccuracyProblems(const std::string& device);
// The speed cases: LoGoNet's first-stage LKA convolutions at a 96^3 crop (after the 4x patch
// embedding: 64 channels at 24^3, and stage 2: 128 at 12^3), batch 2, in float32 and, on a GPU,
// float16.
std::vector<DepthwiseProblem> depthwiseSpeedProblems(const std::string& device);

// Runs one problem on `device` ("cpu" or "cuda") with `threads` CPU threads (0: LibTorch's
// current setting); `repeats` 0 skips the timings. Throws
// std::invalid_argument when the fast path does not take that device and type (for example a CUDA
// tensor in a build without the CUDA kernels), std::runtime_error when the device is absent.
DepthwiseComparison compareDepthwiseConv(const DepthwiseProblem& problem, const std::string& device,
                                         int repeats, int threads = 0);

}  // namespace logonet::model
