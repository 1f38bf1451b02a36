#include "metrics/SegmentationMetrics.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

#include "metrics/DistanceTransform.h"

namespace logonet {

namespace {

void requireSameGrid(const LabelVolume& a, const LabelVolume& b) {
    if (a.size() != b.size()) {
        throw std::invalid_argument("prediction (" + a.geometry().describe() +
                                    ") and ground truth (" + b.geometry().describe() +
                                    ") are on different grids");
    }
}

// Voxels of the label with at least one 6-neighbour outside it (or at the volume's border).
std::vector<bool> surfaceOf(const LabelVolume& volume, LabelValue label, int64_t& count) {
    const Size3& s = volume.size();
    std::vector<bool> surface(static_cast<size_t>(volume.voxelCount()), false);
    count = 0;
    auto inside = [&](int64_t i, int64_t j, int64_t k) {
        return volume.geometry().contains(i, j, k) && volume.at(i, j, k) == label;
    };
    for (int64_t k = 0; k < s[2]; ++k) {
        for (int64_t j = 0; j < s[1]; ++j) {
            for (int64_t i = 0; i < s[0]; ++i) {
                if (volume.at(i, j, k) != label) {
                    continue;
                }
                if (!inside(i - 1, j, k) || !inside(i + 1, j, k) || !inside(i, j - 1, k) ||
                    !inside(i, j + 1, k) || !inside(i, j, k - 1) || !inside(i, j, k + 1)) {
                    surface[volume.offset(i, j, k)] = true;
                    ++count;
                }
            }
        }
    }
    return surface;
}

double percentile95(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const double rank = 0.95 * static_cast<double>(values.size() - 1);
    const size_t lower = static_cast<size_t>(std::floor(rank));
    const size_t upper = std::min(lower + 1, values.size() - 1);
    const double fraction = rank - static_cast<double>(lower);
    return values[lower] + fraction * (values[upper] - values[lower]);
}

}  // namespace

double diceScore(const LabelVolume& prediction, const LabelVolume& truth, LabelValue label) {
    requireSameGrid(prediction, truth);
    int64_t both = 0, inPrediction = 0, inTruth = 0;
    const auto& p = prediction.voxels();
    const auto& t = truth.voxels();
    for (size_t n = 0; n < p.size(); ++n) {
        const bool a = p[n] == label, b = t[n] == label;
        inPrediction += a;
        inTruth += b;
        both += a && b;
    }
    if (inPrediction + inTruth == 0) {
        return std::numeric_limits<double>::quiet_NaN();
    }
    return 2.0 * static_cast<double>(both) / static_cast<double>(inPrediction + inTruth);
}

double directedSurfaceDistance95(const LabelVolume& from, const LabelVolume& to, LabelValue label) {
    requireSameGrid(from, to);
    int64_t fromCount = 0, toCount = 0;
    const std::vector<bool> fromSurface = surfaceOf(from, label, fromCount);
    const std::vector<bool> toSurface = surfaceOf(to, label, toCount);
    if (fromCount == 0 && toCount == 0) {
        return std::numeric_limits<double>::quiet_NaN();
    }
    if (fromCount == 0 || toCount == 0) {
        return std::numeric_limits<double>::infinity();
    }
    const std::vector<double> distance =
        distanceToSeeds(toSurface, to.size(), to.geometry().spacing);
    std::vector<double> values;
    values.reserve(static_cast<size_t>(fromCount));
    for (size_t n = 0; n < fromSurface.size(); ++n) {
        if (fromSurface[n]) {
            values.push_back(distance[n]);
        }
    }
    return percentile95(std::move(values));
}

ClassScore scoreClass(const LabelVolume& prediction, const LabelVolume& truth, LabelValue label) {
    ClassScore score;
    score.dice = diceScore(prediction, truth, label);
    score.present = !std::isnan(score.dice);
    if (score.present) {
        score.hd95 = std::max(directedSurfaceDistance95(prediction, truth, label),
                              directedSurfaceDistance95(truth, prediction, label));
    }
    return score;
}

}  // namespace logonet
