#include "editing/BrushTool.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace logonet {

BrushTool::BrushTool(LabelEditor& editor, const BrushOptions& options, LabelValue value)
    : editor_(editor), footprint_(options, editor.labels().geometry().spacing), value_(value) {}

int64_t BrushTool::dab(const Size3& center) {
    int64_t changed = 0;
    for (const BrushFootprint::Row& row : footprint_.rows()) {
        changed += editor_.writeRow(center[0] + row.di0, center[0] + row.di1, center[1] + row.dj,
                                    center[2] + row.dk, value_);
    }
    return changed;
}

int64_t BrushTool::drag(const Size3& from, const Size3& to) {
    // Dab centres at most a quarter of the smallest in-plane reach apart (and never more than one
    // voxel for small brushes): the swept edge then deviates from a straight one by under 1/100
    // of the radius, while a long drag with a big brush still costs few dabs.
    int64_t smallestReach = -1;
    for (int axis = 0; axis < 3; ++axis) {
        const bool flat = footprint_.options().extent == BrushOptions::Extent::Slice &&
                          axis == footprint_.options().axis;
        if (!flat) {
            smallestReach = smallestReach < 0 ? footprint_.reach()[axis]
                                              : std::min(smallestReach, footprint_.reach()[axis]);
        }
    }
    const int64_t step = std::max<int64_t>(1, smallestReach / 4);
    int64_t longest = 0;
    for (int axis = 0; axis < 3; ++axis) {
        longest = std::max(longest, std::abs(to[axis] - from[axis]));
    }
    const int64_t dabs = std::max<int64_t>(1, (longest + step - 1) / step);
    int64_t changed = 0;
    for (int64_t n = 1; n <= dabs; ++n) {
        const double t = static_cast<double>(n) / static_cast<double>(dabs);
        Size3 center;
        for (int axis = 0; axis < 3; ++axis) {
            center[axis] =
                from[axis] +
                static_cast<int64_t>(std::llround(t * static_cast<double>(to[axis] - from[axis])));
        }
        changed += dab(center);
    }
    return changed;
}

}  // namespace logonet
