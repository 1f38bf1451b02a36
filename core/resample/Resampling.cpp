#include "resample/Resampling.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace logonet {

namespace {

char opposite(char letter) {
    switch (letter) {
        case 'R':
            return 'L';
        case 'L':
            return 'R';
        case 'A':
            return 'P';
        case 'P':
            return 'A';
        case 'S':
            return 'I';
        case 'I':
            return 'S';
        default:
            return '?';
    }
}

// Continuous source index of target voxel (i, j, k) = base + i * step[0] + j * step[1] + ...:
// the mapping is affine, so three steps replace a matrix product per voxel.
struct IndexMapping {
    Vec3 base;
    Vec3 step[3];
};

IndexMapping mappingBetween(const ImageGeometry& target, const ImageGeometry& source) {
    IndexMapping mapping;
    mapping.base = source.worldToIndex(target.indexToWorld({0, 0, 0}));
    for (int axis = 0; axis < 3; ++axis) {
        Vec3 unit{0, 0, 0};
        unit[axis] = 1.0;
        const Vec3 moved = source.worldToIndex(target.indexToWorld(unit));
        for (int c = 0; c < 3; ++c) {
            mapping.step[axis][c] = moved[c] - mapping.base[c];
        }
    }
    return mapping;
}

template <typename Sample>
void forEachTargetVoxel(const ImageGeometry& target, const IndexMapping& m, Sample sample) {
    for (int64_t k = 0; k < target.size[2]; ++k) {
        for (int64_t j = 0; j < target.size[1]; ++j) {
            Vec3 p;
            for (int c = 0; c < 3; ++c) {
                p[c] = m.base[c] + j * m.step[1][c] + k * m.step[2][c];
            }
            for (int64_t i = 0; i < target.size[0]; ++i) {
                sample(i, j, k, p[0] + i * m.step[0][0], p[1] + i * m.step[0][1],
                       p[2] + i * m.step[0][2]);
            }
        }
    }
}

}  // namespace

ImageGeometry reorientedGeometry(const ImageGeometry& geometry, const std::string& code) {
    if (code.size() != 3) {
        throw std::invalid_argument("orientation code '" + code + "' must have three letters");
    }
    ImageGeometry out = geometry;
    Vec3 startIndex{0, 0, 0};
    bool used[3] = {false, false, false};
    for (int t = 0; t < 3; ++t) {
        int source = -1;
        bool flip = false;
        for (int a = 0; a < 3; ++a) {
            if (!used[a] && geometry.axisLetter(a, true) == code[t]) {
                source = a;
            } else if (!used[a] && geometry.axisLetter(a, true) == opposite(code[t])) {
                source = a;
                flip = true;
            }
            if (source >= 0) {
                break;
            }
        }
        if (source < 0) {
            throw std::invalid_argument("cannot reorient " + geometry.orientationCode() + " to '" +
                                        code + "': no voxel axis points to '" +
                                        std::string(1, code[t]) + "'");
        }
        used[source] = true;
        out.size[t] = geometry.size[source];
        out.spacing[t] = geometry.spacing[source];
        for (int r = 0; r < 3; ++r) {
            out.direction[r * 3 + t] = (flip ? -1.0 : 1.0) * geometry.direction[r * 3 + source];
        }
        if (flip) {
            startIndex[source] = static_cast<double>(geometry.size[source] - 1);
        }
    }
    out.origin = geometry.indexToWorld(startIndex);
    return out;
}

ImageGeometry respacedGeometry(const ImageGeometry& geometry, const Vec3& spacing) {
    ImageGeometry out = geometry;
    for (int a = 0; a < 3; ++a) {
        if (!(spacing[a] > 0)) {
            throw std::invalid_argument("target spacing must be positive");
        }
        out.spacing[a] = spacing[a];
        const double extent = static_cast<double>(geometry.size[a]) * geometry.spacing[a];
        out.size[a] = std::max<int64_t>(1, static_cast<int64_t>(std::llround(extent / spacing[a])));
    }
    return out;
}

ImageVolume resampleLinear(const ImageVolume& source, const ImageGeometry& target, float outside) {
    ImageVolume out(target, outside);
    const Size3& s = source.size();
    const IndexMapping mapping = mappingBetween(target, source.geometry());
    float* destination = out.data();
    const float* voxels = source.data();
    const int64_t sx = 1, sy = s[0], sz = s[0] * s[1];
    forEachTargetVoxel(
        target, mapping, [&](int64_t i, int64_t j, int64_t k, double x, double y, double z) {
            const double p[3] = {x, y, z};
            int64_t lo[3];
            double w[3];
            for (int c = 0; c < 3; ++c) {
                if (p[c] < -0.5 || p[c] > static_cast<double>(s[c]) - 0.5) {
                    return;
                }
                const double clamped = std::clamp(p[c], 0.0, static_cast<double>(s[c] - 1));
                lo[c] = std::min<int64_t>(static_cast<int64_t>(std::floor(clamped)), s[c] - 1);
                w[c] = clamped - static_cast<double>(lo[c]);
            }
            const int64_t dx = lo[0] + 1 < s[0] ? sx : 0;
            const int64_t dy = lo[1] + 1 < s[1] ? sy : 0;
            const int64_t dz = lo[2] + 1 < s[2] ? sz : 0;
            const float* v = voxels + lo[0] + lo[1] * sy + lo[2] * sz;
            const double c00 = v[0] * (1 - w[0]) + v[dx] * w[0];
            const double c10 = v[dy] * (1 - w[0]) + v[dy + dx] * w[0];
            const double c01 = v[dz] * (1 - w[0]) + v[dz + dx] * w[0];
            const double c11 = v[dz + dy] * (1 - w[0]) + v[dz + dy + dx] * w[0];
            const double c0 = c00 * (1 - w[1]) + c10 * w[1];
            const double c1 = c01 * (1 - w[1]) + c11 * w[1];
            destination[out.offset(i, j, k)] = static_cast<float>(c0 * (1 - w[2]) + c1 * w[2]);
        });
    return out;
}

LabelVolume resampleNearest(const LabelVolume& source, const ImageGeometry& target) {
    LabelVolume out(target, 0);
    const Size3& s = source.size();
    const IndexMapping mapping = mappingBetween(target, source.geometry());
    LabelValue* destination = out.data();
    forEachTargetVoxel(target, mapping,
                       [&](int64_t i, int64_t j, int64_t k, double x, double y, double z) {
                           // A tiny tolerance keeps exact half-voxel positions from flipping with
                           // rounding noise.
                           const int64_t a = static_cast<int64_t>(std::floor(x + 0.5 + 1e-9));
                           const int64_t b = static_cast<int64_t>(std::floor(y + 0.5 + 1e-9));
                           const int64_t c = static_cast<int64_t>(std::floor(z + 0.5 + 1e-9));
                           if (a >= 0 && b >= 0 && c >= 0 && a < s[0] && b < s[1] && c < s[2]) {
                               destination[out.offset(i, j, k)] = source.at(a, b, c);
                           }
                       });
    return out;
}

ImageGeometry croppedGeometry(const ImageGeometry& geometry, const Size3& begin,
                              const Size3& size) {
    for (int a = 0; a < 3; ++a) {
        if (begin[a] < 0 || size[a] <= 0 || begin[a] + size[a] > geometry.size[a]) {
            throw std::invalid_argument("crop box lies outside the volume (" + geometry.describe() +
                                        ")");
        }
    }
    ImageGeometry out = geometry;
    out.size = size;
    out.origin =
        geometry.indexToWorld({static_cast<double>(begin[0]), static_cast<double>(begin[1]),
                               static_cast<double>(begin[2])});
    return out;
}

}  // namespace logonet
