#pragma once

#include <array>
#include <cstdint>

namespace logonet {
namespace views {

using VoxelIndex = std::array<int64_t, 3>;

// An inclusive box of voxels, used to tell views which part of a label volume changed.
struct VoxelBox {
    VoxelIndex lo{0, 0, 0};
    VoxelIndex hi{-1, -1, -1};

    bool empty() const { return hi[0] < lo[0] || hi[1] < lo[1] || hi[2] < lo[2]; }
    bool containsSlice(int axis, int64_t index) const {
        return !empty() && index >= lo[axis] && index <= hi[axis];
    }
};

}  // namespace views
}  // namespace logonet
