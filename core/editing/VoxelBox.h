#pragma once

#include <algorithm>
#include <cstdint>

#include "geometry/ImageGeometry.h"

namespace logonet {

// The voxels an edit touched, as an inclusive index box: what a view has to redraw.
struct VoxelBox {
    Size3 lo{0, 0, 0};
    Size3 hi{-1, -1, -1};

    bool empty() const { return hi[0] < lo[0] || hi[1] < lo[1] || hi[2] < lo[2]; }
    void include(int64_t i, int64_t j, int64_t k) {
        if (empty()) {
            lo = {i, j, k};
            hi = {i, j, k};
            return;
        }
        lo = {std::min(lo[0], i), std::min(lo[1], j), std::min(lo[2], k)};
        hi = {std::max(hi[0], i), std::max(hi[1], j), std::max(hi[2], k)};
    }
    void include(const VoxelBox& other) {
        if (other.empty()) {
            return;
        }
        include(other.lo[0], other.lo[1], other.lo[2]);
        include(other.hi[0], other.hi[1], other.hi[2]);
    }
    bool contains(int64_t i, int64_t j, int64_t k) const {
        return !empty() && i >= lo[0] && i <= hi[0] && j >= lo[1] && j <= hi[1] && k >= lo[2] &&
               k <= hi[2];
    }
};

}  // namespace logonet
