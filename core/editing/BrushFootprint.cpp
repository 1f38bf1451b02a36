#include "editing/BrushFootprint.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace logonet {

namespace {

// Voxel centres exactly on the edge belong to the footprint despite rounding in the spacing.
constexpr double kEdgeTolerance = 1e-6;
constexpr int64_t kMaximumReach = 2048;

}  // namespace

BrushFootprint::BrushFootprint(const BrushOptions& options, const Vec3& spacing)
    : options_(options) {
    if (!(options.radius >= 0.0) || !std::isfinite(options.radius)) {
        throw std::invalid_argument("the brush radius must be zero or more");
    }
    if (options.extent == BrushOptions::Extent::Slice && (options.axis < 0 || options.axis > 2)) {
        throw std::invalid_argument("a slice brush needs axis 0, 1 or 2, not " +
                                    std::to_string(options.axis));
    }
    for (int axis = 0; axis < 3; ++axis) {
        if (options.unit == BrushOptions::Unit::Millimetres) {
            if (!(spacing[axis] > 0.0)) {
                throw std::invalid_argument("a brush in millimetres needs a positive spacing");
            }
            scale_[axis] = spacing[axis];
        }
        const bool flat = options.extent == BrushOptions::Extent::Slice && axis == options.axis;
        reach_[axis] =
            flat ? 0
                 : static_cast<int64_t>(std::floor(options.radius / scale_[axis] + kEdgeTolerance));
        if (reach_[axis] > kMaximumReach) {
            throw std::invalid_argument("the brush radius of " + std::to_string(options.radius) +
                                        " is larger than any volume");
        }
    }
    for (int64_t dk = -reach_[2]; dk <= reach_[2]; ++dk) {
        for (int64_t dj = -reach_[1]; dj <= reach_[1]; ++dj) {
            bool found = false;
            int64_t first = 0, last = 0;
            for (int64_t di = -reach_[0]; di <= reach_[0]; ++di) {
                if (contains(di, dj, dk)) {
                    first = found ? first : di;
                    last = di;
                    found = true;
                }
            }
            if (found) {
                rows_.push_back({static_cast<int32_t>(dj), static_cast<int32_t>(dk),
                                 static_cast<int32_t>(first), static_cast<int32_t>(last)});
                voxelCount_ += last - first + 1;
            }
        }
    }
}

bool BrushFootprint::contains(int64_t di, int64_t dj, int64_t dk) const {
    const int64_t d[3] = {di, dj, dk};
    for (int axis = 0; axis < 3; ++axis) {
        if (std::abs(d[axis]) > reach_[axis]) {
            return false;
        }
    }
    if (options_.shape == BrushOptions::Shape::Square) {
        return true;
    }
    double squared = 0.0;
    for (int axis = 0; axis < 3; ++axis) {
        const double length = static_cast<double>(d[axis]) * scale_[axis];
        squared += length * length;
    }
    const double radius = options_.radius + kEdgeTolerance;
    return squared <= radius * radius;
}

}  // namespace logonet
