#include "metrics/DistanceTransform.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace logonet {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// One pass along a line: `f` holds the squared distances so far; samples are `step` mm apart.
// The result is the lower envelope of the parabolas rooted at the finite samples.
void squaredDistanceAlongLine(const std::vector<double>& f, double step, std::vector<double>& out,
                              std::vector<int64_t>& hull, std::vector<double>& bounds) {
    const int64_t n = static_cast<int64_t>(f.size());
    auto intersection = [&](int64_t q, int64_t p) {
        const double xq = q * step, xp = p * step;
        return ((f[q] + xq * xq) - (f[p] + xp * xp)) / (2.0 * (xq - xp));
    };
    int64_t k = -1;
    for (int64_t q = 0; q < n; ++q) {
        if (f[q] == kInfinity) {
            continue;
        }
        double s = -kInfinity;
        while (k >= 0) {
            s = intersection(q, hull[k]);
            if (s > bounds[k]) {
                break;
            }
            --k;
        }
        ++k;
        hull[k] = q;
        bounds[k] = k == 0 ? -kInfinity : s;
    }
    if (k < 0) {
        std::fill(out.begin(), out.end(), kInfinity);
        return;
    }
    int64_t j = 0;
    for (int64_t q = 0; q < n; ++q) {
        const double x = q * step;
        while (j < k && bounds[j + 1] < x) {
            ++j;
        }
        const double d = x - hull[j] * step;
        out[q] = d * d + f[hull[j]];
    }
}

}  // namespace

std::vector<double> distanceToSeeds(const std::vector<bool>& seeds, const Size3& size,
                                    const Vec3& spacing) {
    const int64_t count = size[0] * size[1] * size[2];
    if (static_cast<int64_t>(seeds.size()) != count) {
        throw std::invalid_argument("distance transform: seed mask does not match the size");
    }
    std::vector<double> field(static_cast<size_t>(count));
    for (int64_t n = 0; n < count; ++n) {
        field[n] = seeds[n] ? 0.0 : kInfinity;
    }
    const int64_t strides[3] = {1, size[0], size[0] * size[1]};
    for (int axis = 0; axis < 3; ++axis) {
        const int64_t length = size[axis];
        std::vector<double> line(length), out(length), bounds(length + 1);
        std::vector<int64_t> hull(length);
        const int a1 = (axis + 1) % 3, a2 = (axis + 2) % 3;
        for (int64_t u = 0; u < size[a1]; ++u) {
            for (int64_t v = 0; v < size[a2]; ++v) {
                const int64_t base = u * strides[a1] + v * strides[a2];
                for (int64_t q = 0; q < length; ++q) {
                    line[q] = field[base + q * strides[axis]];
                }
                squaredDistanceAlongLine(line, spacing[axis], out, hull, bounds);
                for (int64_t q = 0; q < length; ++q) {
                    field[base + q * strides[axis]] = out[q];
                }
            }
        }
    }
    for (auto& value : field) {
        value = std::sqrt(value);
    }
    return field;
}

}  // namespace logonet
