#include "editing/PolygonFill.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace logonet {

namespace {

// Where the polygon's edges cross the line at height v, sorted. An edge counts when its ends lie
// on different sides of the half-open test "y <= v", so a vertex on the line is counted once.
std::vector<double> crossings(const std::vector<SlicePoint>& polygon, double v) {
    std::vector<double> result;
    const size_t n = polygon.size();
    for (size_t a = 0, b = n - 1; a < n; b = a++) {
        const SlicePoint& p = polygon[a];
        const SlicePoint& q = polygon[b];
        if ((p.v <= v) != (q.v <= v)) {
            result.push_back(p.u + (v - p.v) * (q.u - p.u) / (q.v - p.v));
        }
    }
    std::sort(result.begin(), result.end());
    return result;
}

}  // namespace

bool PolygonFill::contains(const std::vector<SlicePoint>& polygon, double u, double v) {
    if (polygon.size() < 3) {
        return false;
    }
    size_t right = 0;
    for (double x : crossings(polygon, v)) {
        right += x > u ? 1 : 0;
    }
    return right % 2 == 1;
}

int64_t PolygonFill::fill(LabelEditor& editor, const SlicePlane& plane,
                          const std::vector<SlicePoint>& polygon, LabelValue value) {
    const Size3& size = editor.labels().size();
    if (plane.axis < 0 || plane.axis > 2 || plane.index < 0 || plane.index >= size[plane.axis]) {
        throw std::invalid_argument("slice " + std::to_string(plane.index) + " of axis " +
                                    std::to_string(plane.axis) + " lies outside the volume");
    }
    if (polygon.size() < 3) {
        return 0;
    }
    const int64_t width = size[plane.uAxis()];
    const int64_t height = size[plane.vAxis()];
    double vMin = polygon[0].v, vMax = polygon[0].v;
    for (const SlicePoint& p : polygon) {
        if (!std::isfinite(p.u) || !std::isfinite(p.v)) {
            throw std::invalid_argument("the polygon has a point that is not a number");
        }
        vMin = std::min(vMin, p.v);
        vMax = std::max(vMax, p.v);
    }
    vMin = std::max(vMin, -1.0);
    vMax = std::min(vMax, static_cast<double>(height));
    const int64_t firstRow = std::max<int64_t>(0, static_cast<int64_t>(std::ceil(vMin)));
    const int64_t lastRow = std::min<int64_t>(height - 1, static_cast<int64_t>(std::floor(vMax)));
    int64_t changed = 0;
    for (int64_t v = firstRow; v <= lastRow; ++v) {
        const std::vector<double> xs = crossings(polygon, static_cast<double>(v));
        // Between crossings 2m and 2m+1 a centre u has an odd number of crossings right of it:
        // x[2m] <= u < x[2m+1].
        for (size_t m = 0; m + 1 < xs.size(); m += 2) {
            const double from = std::max(xs[m], -1.0);
            const double to = std::min(xs[m + 1], static_cast<double>(width) + 1.0);
            const int64_t u0 = std::max<int64_t>(0, static_cast<int64_t>(std::ceil(from)));
            const int64_t u1 =
                std::min<int64_t>(width - 1, static_cast<int64_t>(std::ceil(to)) - 1);
            if (u0 > u1) {
                continue;
            }
            if (plane.uAxis() == 0) {
                const Size3 at = plane.voxel(u0, v);
                changed += editor.writeRow(u0, u1, at[1], at[2], value);
            } else {
                for (int64_t u = u0; u <= u1; ++u) {
                    const Size3 at = plane.voxel(u, v);
                    changed += editor.writeRow(at[0], at[0], at[1], at[2], value);
                }
            }
        }
    }
    return changed;
}

}  // namespace logonet
