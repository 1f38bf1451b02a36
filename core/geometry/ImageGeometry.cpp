#include "geometry/ImageGeometry.h"

#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace logonet {

namespace {

// Inverse of a 3x3 row-major matrix; direction matrices are orthonormal in practice, but an
// oblique or sheared scanner matrix still has to invert correctly.
Mat3 inverse(const Mat3& m) {
    const double a = m[0], b = m[1], c = m[2];
    const double d = m[3], e = m[4], f = m[5];
    const double g = m[6], h = m[7], i = m[8];
    const double det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
    if (std::abs(det) < 1e-12) {
        throw std::runtime_error("direction matrix is singular");
    }
    const double s = 1.0 / det;
    return {(e * i - f * h) * s, (c * h - b * i) * s, (b * f - c * e) * s,
            (f * g - d * i) * s, (a * i - c * g) * s, (c * d - a * f) * s,
            (d * h - e * g) * s, (b * g - a * h) * s, (a * e - b * d) * s};
}

}  // namespace

Vec3 ImageGeometry::indexToWorld(const Vec3& index) const {
    Vec3 world = origin;
    for (int r = 0; r < 3; ++r) {
        for (int c = 0; c < 3; ++c) {
            world[r] += direction[r * 3 + c] * spacing[c] * index[c];
        }
    }
    return world;
}

Vec3 ImageGeometry::worldToIndex(const Vec3& world) const {
    const Mat3 inv = inverse(direction);
    const Vec3 d{world[0] - origin[0], world[1] - origin[1], world[2] - origin[2]};
    Vec3 index{0, 0, 0};
    for (int r = 0; r < 3; ++r) {
        double v = 0;
        for (int c = 0; c < 3; ++c) {
            v += inv[r * 3 + c] * d[c];
        }
        index[r] = v / spacing[r];
    }
    return index;
}

bool ImageGeometry::sameGrid(const ImageGeometry& other, double tolerance) const {
    if (size != other.size) {
        return false;
    }
    for (int a = 0; a < 3; ++a) {
        const double scale = std::max(spacing[a], 1e-6);
        if (std::abs(spacing[a] - other.spacing[a]) > tolerance * scale) {
            return false;
        }
        if (std::abs(origin[a] - other.origin[a]) > tolerance * scale * 10) {
            return false;
        }
    }
    for (int n = 0; n < 9; ++n) {
        if (std::abs(direction[n] - other.direction[n]) > tolerance) {
            return false;
        }
    }
    return true;
}

std::string ImageGeometry::describe() const {
    char buffer[160];
    std::snprintf(buffer, sizeof buffer, "%lldx%lldx%lld voxels, %.4gx%.4gx%.4g mm",
                  static_cast<long long>(size[0]), static_cast<long long>(size[1]),
                  static_cast<long long>(size[2]), spacing[0], spacing[1], spacing[2]);
    return buffer;
}

char ImageGeometry::axisLetter(int axis, bool positive) const {
    int dominant = 0;
    for (int r = 1; r < 3; ++r) {
        if (std::abs(direction[r * 3 + axis]) > std::abs(direction[dominant * 3 + axis])) {
            dominant = r;
        }
    }
    const bool grows = (direction[dominant * 3 + axis] >= 0) == positive;
    static const char kPositive[3] = {'L', 'P', 'S'};
    static const char kNegative[3] = {'R', 'A', 'I'};
    return grows ? kPositive[dominant] : kNegative[dominant];
}

std::string ImageGeometry::orientationCode() const {
    return {axisLetter(0, true), axisLetter(1, true), axisLetter(2, true)};
}

}  // namespace logonet
