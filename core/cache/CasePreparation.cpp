#include "cache/CasePreparation.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <tuple>
#include <vector>

#include "resample/Resampling.h"
#include "volume/ModalityGuess.h"

namespace logonet {

namespace {

// Intensities at the given fractions of the sorted nonzero voxels (MR has no fixed scale).
std::pair<float, float> percentileRange(const std::vector<float>& voxels) {
    std::vector<float> values;
    values.reserve(voxels.size());
    for (const float v : voxels) {
        if (v != 0.0f && std::isfinite(v)) {
            values.push_back(v);
        }
    }
    if (values.empty()) {
        return {0.0f, 1.0f};
    }
    auto at = [&](double fraction) {
        const size_t n = static_cast<size_t>(fraction * static_cast<double>(values.size() - 1));
        std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(n),
                         values.end());
        return values[n];
    };
    const float low = at(0.005);
    const float high = at(0.995);
    return {low, high > low ? high : low + 1.0f};
}

// NaN and infinite voxels (a float scan from elsewhere may hold them) become the window's floor,
// or its ceiling for +inf, before resampling: interpolation would spread a NaN to its neighbours
// and std::clamp lets NaN through, into the training tensors. A copy only when there are any.
const ImageVolume& withFiniteVoxels(const ImageVolume& image, float low, float high,
                                    ImageVolume& storage) {
    const auto& voxels = image.voxels();
    if (std::all_of(voxels.begin(), voxels.end(), [](float v) { return std::isfinite(v); })) {
        return image;
    }
    storage = image;
    for (float& v : storage.voxels()) {
        if (!std::isfinite(v)) {
            v = v > 0 ? high : low;
        }
    }
    return storage;
}

void normalise(ImageVolume& image, float low, float high) {
    const float scale = 1.0f / (high - low);
    for (float& v : image.voxels()) {
        v = std::clamp((v - low) * scale, 0.0f, 1.0f);
    }
}

}  // namespace

ImageVolume prepareOnGrid(const ImageVolume& image, const PreprocessSettings& settings,
                          const ImageGeometry& grid) {
    if (settings.modality == "auto") {
        return prepareOnGrid(image, settings.forScan(guessModality(image)), grid);
    }
    float low = static_cast<float>(settings.windowLow);
    float high = static_cast<float>(settings.windowHigh);
    if (settings.modality == "mr") {
        std::tie(low, high) = percentileRange(image.voxels());
    }
    // Outside the scan is "nothing": the window's floor, which normalises to 0.
    ImageVolume finiteStorage;
    const ImageVolume& finite = withFiniteVoxels(image, low, high, finiteStorage);
    ImageVolume resampled = resampleLinear(finite, grid, low);
    normalise(resampled, low, high);
    return resampled;
}

CachedCase prepareCase(const std::string& id, const ImageVolume& image, const LabelVolume& labels,
                       const PreprocessSettings& settings) {
    if (!labels.empty() && !labels.geometry().sameGrid(image.geometry())) {
        throw std::invalid_argument("case " + id + ": labels (" + labels.geometry().describe() +
                                    ") do not match the image (" + image.geometry().describe() +
                                    ")");
    }
    if (settings.modality == "auto") {
        // A scan without a project record (inference on a file): its intensities decide.
        return prepareCase(id, image, labels, settings.forScan(guessModality(image)));
    }
    if (settings.modality != "ct" && settings.modality != "mr") {
        throw std::invalid_argument("unknown modality '" + settings.modality +
                                    "' (ct, mr or auto)");
    }
    const ImageGeometry target = respacedGeometry(
        reorientedGeometry(image.geometry(), settings.orientation), settings.spacing);
    ImageVolume resampled = prepareOnGrid(image, settings, target);
    LabelVolume resampledLabels;
    if (!labels.empty()) {
        resampledLabels = resampleNearest(labels, target);
    }

    Size3 lo = target.size, hi{-1, -1, -1};
    const Size3& s = target.size;
    for (int64_t k = 0; k < s[2]; ++k) {
        for (int64_t j = 0; j < s[1]; ++j) {
            for (int64_t i = 0; i < s[0]; ++i) {
                const size_t n = resampled.offset(i, j, k);
                const bool body = resampled.voxels()[n] > 1e-3f ||
                                  (!resampledLabels.empty() && resampledLabels.voxels()[n] != 0);
                if (body) {
                    const int64_t p[3] = {i, j, k};
                    for (int a = 0; a < 3; ++a) {
                        lo[a] = std::min(lo[a], p[a]);
                        hi[a] = std::max(hi[a], p[a]);
                    }
                }
            }
        }
    }
    CachedCase entry;
    entry.id = id;
    entry.originalGeometry = image.geometry();
    entry.settings = settings;
    if (hi[0] < 0) {
        // Nothing above the floor: keep the whole grid rather than invent a box.
        entry.image = std::move(resampled);
        entry.labels = std::move(resampledLabels);
        return entry;
    }
    const Size3 size{hi[0] - lo[0] + 1, hi[1] - lo[1] + 1, hi[2] - lo[2] + 1};
    entry.image = cropVolume(resampled, lo, size);
    if (!resampledLabels.empty()) {
        entry.labels = cropVolume(resampledLabels, lo, size);
    }
    return entry;
}

}  // namespace logonet
