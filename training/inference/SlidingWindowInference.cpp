#include "inference/SlidingWindowInference.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace logonet::training {

namespace {

using torch::indexing::Slice;

// The predictor averaged over flips of every subset of the spatial axes: each flip is undone on
// the output before averaging.
torch::Tensor mirroredPrediction(const torch::Tensor& windows, const WindowPredictor& predictor) {
    torch::Tensor sum;
    for (int mask = 0; mask < 8; ++mask) {
        std::vector<int64_t> axes;
        for (int a = 0; a < 3; ++a) {
            if (mask & (1 << a)) {
                axes.push_back(a + 2);
            }
        }
        torch::Tensor out =
            axes.empty() ? predictor(windows) : predictor(windows.flip(axes)).flip(axes);
        sum = sum.defined() ? sum + out : out;
    }
    return sum / 8.0;
}

}  // namespace

std::vector<int64_t> windowStarts(int64_t size, int64_t window, double overlap) {
    if (size <= window) {
        return {0};
    }
    const int64_t stride =
        std::max<int64_t>(1, static_cast<int64_t>(std::floor(window * (1.0 - overlap))));
    std::vector<int64_t> starts;
    for (int64_t start = 0; start + window < size; start += stride) {
        starts.push_back(start);
    }
    starts.push_back(size - window);
    return starts;
}

torch::Tensor importanceMap(const std::array<int64_t, 3>& roi, BlendMode blend) {
    if (blend == BlendMode::Constant) {
        return torch::ones({roi[0], roi[1], roi[2]}, torch::kFloat);
    }
    std::vector<torch::Tensor> profiles;
    for (int a = 0; a < 3; ++a) {
        const double sigma = std::max(roi[a] * 0.125, 1e-3);
        const double centre = (roi[a] - 1) / 2.0;
        torch::Tensor x = torch::arange(roi[a], torch::kDouble) - centre;
        profiles.push_back(torch::exp(-(x * x) / (2.0 * sigma * sigma)));
    }
    torch::Tensor map =
        profiles[0].view({-1, 1, 1}) * profiles[1].view({1, -1, 1}) * profiles[2].view({1, 1, -1});
    map = map / map.max();
    const torch::Tensor positive = map.masked_select(map > 0);
    const double floor = positive.numel() > 0 ? positive.min().item<double>() : 1.0;
    return map.clamp_min(floor).to(torch::kFloat);
}

torch::Tensor slidingWindowInference(const torch::Tensor& input, const WindowPredictor& predictor,
                                     const SlidingWindowOptions& options) {
    if (input.dim() != 5 || input.size(0) != 1) {
        throw std::invalid_argument("sliding-window inference expects one (1, C, D, H, W) volume");
    }
    if (options.overlap < 0.0 || options.overlap >= 1.0) {
        throw std::invalid_argument("overlap must be in [0, 1)");
    }
    const auto& roi = options.roi;
    const std::array<int64_t, 3> original{input.size(2), input.size(3), input.size(4)};
    // Zero padding at the far end for axes shorter than the window (cut off at the end).
    torch::Tensor padded = input;
    std::array<int64_t, 3> size = original;
    if (original[0] < roi[0] || original[1] < roi[1] || original[2] < roi[2]) {
        for (int a = 0; a < 3; ++a) {
            size[a] = std::max(original[a], roi[a]);
        }
        padded = torch::zeros({1, input.size(1), size[0], size[1], size[2]}, input.options());
        padded.index_put_(
            {Slice(), Slice(), Slice(0, original[0]), Slice(0, original[1]), Slice(0, original[2])},
            input);
    }
    const auto starts0 = windowStarts(size[0], roi[0], options.overlap);
    const auto starts1 = windowStarts(size[1], roi[1], options.overlap);
    const auto starts2 = windowStarts(size[2], roi[2], options.overlap);
    std::vector<std::array<int64_t, 3>> windows;
    for (const int64_t a : starts0) {
        for (const int64_t b : starts1) {
            for (const int64_t c : starts2) {
                windows.push_back({a, b, c});
            }
        }
    }
    const torch::Tensor weight = importanceMap(roi, options.blend).to(input.device());
    torch::Tensor output;
    torch::Tensor weightSum = torch::zeros({size[0], size[1], size[2]}, weight.options());
    const int64_t perCall = std::max<int64_t>(1, options.windowBatch);
    for (size_t first = 0; first < windows.size(); first += static_cast<size_t>(perCall)) {
        const size_t last = std::min(windows.size(), first + static_cast<size_t>(perCall));
        std::vector<torch::Tensor> crops;
        for (size_t w = first; w < last; ++w) {
            const auto& s = windows[w];
            crops.push_back(padded.index({0, Slice(), Slice(s[0], s[0] + roi[0]),
                                          Slice(s[1], s[1] + roi[1]), Slice(s[2], s[2] + roi[2])}));
        }
        const torch::Tensor batch = torch::stack(crops);
        torch::Tensor predicted =
            options.mirror ? mirroredPrediction(batch, predictor) : predictor(batch);
        predicted = predicted.to(torch::kFloat);
        if (!output.defined()) {
            output = torch::zeros({predicted.size(1), size[0], size[1], size[2]}, weight.options());
        }
        for (size_t w = first; w < last; ++w) {
            const auto& s = windows[w];
            const auto region = std::vector<at::indexing::TensorIndex>{
                Slice(s[0], s[0] + roi[0]), Slice(s[1], s[1] + roi[1]), Slice(s[2], s[2] + roi[2])};
            std::vector<at::indexing::TensorIndex> outRegion{Slice()};
            outRegion.insert(outRegion.end(), region.begin(), region.end());
            output.index(outRegion).add_(predicted[static_cast<int64_t>(w - first)] * weight);
            weightSum.index(region).add_(weight);
        }
    }
    output = output / weightSum.unsqueeze(0);
    return output
        .index({Slice(), Slice(0, original[0]), Slice(0, original[1]), Slice(0, original[2])})
        .unsqueeze(0)
        .contiguous();
}

}  // namespace logonet::training
