#include "common/WindowLevel.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>

namespace logonet {
namespace views {

std::vector<WindowLevelPreset> ctWindowPresets() {
    return {{QCoreApplication::translate("WindowLevel", "CT abdomen"), {400, 50}},
            {QCoreApplication::translate("WindowLevel", "CT lung"), {1500, -600}},
            {QCoreApplication::translate("WindowLevel", "CT bone"), {2000, 300}},
            {QCoreApplication::translate("WindowLevel", "CT brain"), {80, 40}}};
}

namespace {

std::vector<float> sampleIntensities(const ImageVolume& image) {
    const auto& voxels = image.voxels();
    const size_t step = std::max<size_t>(1, voxels.size() / 1000000);
    std::vector<float> sample;
    sample.reserve(voxels.size() / step + 1);
    for (size_t n = 0; n < voxels.size(); n += step) {
        if (std::isfinite(voxels[n])) {
            sample.push_back(voxels[n]);
        }
    }
    return sample;
}

float percentileOf(std::vector<float>& sample, double percent) {
    const size_t n = static_cast<size_t>(std::clamp(percent / 100.0, 0.0, 1.0) *
                                         static_cast<double>(sample.size() - 1));
    std::nth_element(sample.begin(), sample.begin() + static_cast<std::ptrdiff_t>(n), sample.end());
    return sample[n];
}

}  // namespace

WindowLevel percentileWindow(const ImageVolume& image, double lowPercent, double highPercent) {
    std::vector<float> sample = sampleIntensities(image);
    if (sample.empty()) {
        return {1.0, 0.5};
    }
    const double low = percentileOf(sample, lowPercent);
    const double high = percentileOf(sample, highPercent);
    const double window = std::max(high - low, 1e-3);
    return {window, (low + high) / 2.0};
}

WindowLevel initialWindow(const ImageVolume& image) {
    const auto& voxels = image.voxels();
    if (voxels.empty()) {
        return {};
    }
    const auto [minIt, maxIt] = std::minmax_element(voxels.begin(), voxels.end());
    if (*minIt < -500.0f && *maxIt > 0.0f) {
        return ctWindowPresets().front().value;
    }
    return percentileWindow(image);
}

}  // namespace views
}  // namespace logonet
