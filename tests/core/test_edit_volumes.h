#pragma once

#include <cstdint>

#include "volume/Volume.h"

// Tiny volumes for the editing tests.
inline logonet::ImageGeometry editTestGeometry(int64_t nx, int64_t ny, int64_t nz,
                                               logonet::Vec3 spacing = {1.0, 1.0, 1.0}) {
    logonet::ImageGeometry geometry;
    geometry.size = {nx, ny, nz};
    geometry.spacing = spacing;
    return geometry;
}

inline int64_t countValue(const logonet::LabelVolume& labels, logonet::LabelValue value) {
    int64_t count = 0;
    for (const logonet::LabelValue voxel : labels.voxels()) {
        count += voxel == value ? 1 : 0;
    }
    return count;
}
