#include "editing/SignedDistance.h"

#include <cmath>
#include <limits>

namespace logonet {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// In place: f[q] <- min over r of (x_q - x_r)^2 + f[r], with x_q = q * spacing, for the `count`
// samples of `f` found at f[first + q * stride]. Work buffers are passed in to be reused.
void envelope(double* f, int64_t first, int64_t stride, int64_t count, double spacing,
              std::vector<double>& values, std::vector<int64_t>& apex,
              std::vector<double>& bounds) {
    values.resize(static_cast<size_t>(count));
    for (int64_t q = 0; q < count; ++q) {
        values[q] = f[first + q * stride];
    }
    apex.resize(static_cast<size_t>(count));
    bounds.resize(static_cast<size_t>(count) + 1);
    int64_t k = -1;  // index of the rightmost parabola of the envelope
    for (int64_t q = 0; q < count; ++q) {
        if (values[q] == kInfinity) {
            continue;
        }
        const double xq = static_cast<double>(q) * spacing;
        double cross = -kInfinity;
        while (k >= 0) {
            const double xr = static_cast<double>(apex[k]) * spacing;
            cross = ((values[q] + xq * xq) - (values[apex[k]] + xr * xr)) / (2.0 * (xq - xr));
            if (cross > bounds[k]) {
                break;
            }
            --k;
        }
        ++k;
        apex[k] = q;
        bounds[k] = k == 0 ? -kInfinity : cross;
        bounds[k + 1] = kInfinity;
    }
    if (k < 0) {
        return;  // no finite sample: everything stays infinite
    }
    int64_t at = 0;
    for (int64_t q = 0; q < count; ++q) {
        const double xq = static_cast<double>(q) * spacing;
        while (bounds[at + 1] < xq) {
            ++at;
        }
        const double xr = static_cast<double>(apex[at]) * spacing;
        f[first + q * stride] = (xq - xr) * (xq - xr) + values[apex[at]];
    }
}

}  // namespace

std::vector<double> SignedDistance::squaredToMask(const std::vector<uint8_t>& mask, int64_t width,
                                                  int64_t height, double spacingU,
                                                  double spacingV) {
    std::vector<double> distance(mask.size());
    for (size_t n = 0; n < mask.size(); ++n) {
        distance[n] = mask[n] ? 0.0 : kInfinity;
    }
    std::vector<double> values, bounds;
    std::vector<int64_t> apex;
    for (int64_t v = 0; v < height; ++v) {
        envelope(distance.data(), v * width, 1, width, spacingU, values, apex, bounds);
    }
    for (int64_t u = 0; u < width; ++u) {
        envelope(distance.data(), u, width, height, spacingV, values, apex, bounds);
    }
    return distance;
}

std::vector<float> SignedDistance::compute(const std::vector<uint8_t>& mask, int64_t width,
                                           int64_t height, double spacingU, double spacingV) {
    std::vector<uint8_t> outside(mask.size());
    for (size_t n = 0; n < mask.size(); ++n) {
        outside[n] = mask[n] ? 0 : 1;
    }
    const std::vector<double> toInside = squaredToMask(mask, width, height, spacingU, spacingV);
    const std::vector<double> toOutside = squaredToMask(outside, width, height, spacingU, spacingV);
    // An empty mask or one that covers everything has no boundary: a large finite distance keeps
    // interpolation arithmetic away from inf - inf.
    const double far =
        static_cast<double>(width) * spacingU + static_cast<double>(height) * spacingV;
    std::vector<float> result(mask.size());
    for (size_t n = 0; n < mask.size(); ++n) {
        const double in = toInside[n] == kInfinity ? far : std::sqrt(toInside[n]);
        const double out = toOutside[n] == kInfinity ? far : std::sqrt(toOutside[n]);
        result[n] = static_cast<float>(in - out);
    }
    return result;
}

}  // namespace logonet
