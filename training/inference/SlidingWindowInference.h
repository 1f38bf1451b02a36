#pragma once

#include <torch/torch.h>

#include <array>
#include <functional>

namespace logonet::training {

enum class BlendMode { Gaussian, Constant };

struct SlidingWindowOptions {
    std::array<int64_t, 3> roi{96, 96, 96};  // window in tensor order (D, H, W)
    double overlap = 0.5;                    // fraction of the window shared by neighbours
    BlendMode blend = BlendMode::Gaussian;
    int64_t windowBatch = 4;  // windows per forward call
    bool mirror = false;      // test-time augmentation: average over the 8 axis flips
};

// Maps a batch of windows (N, C, D, H, W) to outputs (N, K, D, H, W) of the same spatial size.
using WindowPredictor = std::function<torch::Tensor(const torch::Tensor&)>;

// Tiles the input (1, C, D, H, W) with overlapping windows (the last window of each axis ends at
// the border), predicts them in batches and blends the outputs with the importance map:
// out = sum(w * prediction) / sum(w). Inputs smaller than the window are zero-padded and the
// padding is cut off again. Returns (1, K, D, H, W) on the input's device.
torch::Tensor slidingWindowInference(const torch::Tensor& input, const WindowPredictor& predictor,
                                     const SlidingWindowOptions& options);

// The blending weights of one window: a Gaussian with sigma = roi / 8 per axis (its minimum
// raised to the smallest positive weight so that window corners still count), or all ones.
torch::Tensor importanceMap(const std::array<int64_t, 3>& roi, BlendMode blend);

// The start positions of windows of `window` voxels covering `size` voxels.
std::vector<int64_t> windowStarts(int64_t size, int64_t window, double overlap);

}  // namespace logonet::training
