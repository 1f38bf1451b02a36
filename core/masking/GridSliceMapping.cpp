#include "masking/GridSliceMapping.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace logonet {

namespace {

void requireGridAxis(int gridAxis) {
    if (gridAxis < 0 || gridAxis > 2) {
        throw std::invalid_argument("slice axis " + std::to_string(gridAxis) +
                                    " is not 0 (R), 1 (A) or 2 (S)");
    }
}

}  // namespace

ScanSlice scanSliceOfGridSlice(const ImageGeometry& scan, const ImageGeometry& grid, int gridAxis,
                               int64_t index) {
    requireGridAxis(gridAxis);
    Vec3 gridPoint{};
    for (int a = 0; a < 3; ++a) {
        gridPoint[a] = (static_cast<double>(grid.size[a]) - 1.0) / 2.0;
    }
    gridPoint[gridAxis] = static_cast<double>(index);
    const Vec3 scanPoint = scan.worldToIndex(grid.indexToWorld(gridPoint));
    ScanSlice slice;
    double best = -1.0;
    for (int a = 0; a < 3; ++a) {
        double dot = 0.0;
        for (int r = 0; r < 3; ++r) {
            dot += grid.direction[r * 3 + gridAxis] * scan.direction[r * 3 + a];
        }
        if (std::abs(dot) > best) {
            best = std::abs(dot);
            slice.axis = a;
        }
    }
    slice.index =
        std::clamp<int64_t>(std::llround(scanPoint[slice.axis]), 0, scan.size[slice.axis] - 1);
    return slice;
}

int64_t gridIndexOfScanVoxel(const ImageGeometry& scan, const ImageGeometry& grid, int gridAxis,
                             const Size3& voxel) {
    requireGridAxis(gridAxis);
    const Vec3 world =
        scan.indexToWorld(Vec3{static_cast<double>(voxel[0]), static_cast<double>(voxel[1]),
                               static_cast<double>(voxel[2])});
    return std::clamp<int64_t>(std::llround(grid.worldToIndex(world)[gridAxis]), 0,
                               std::max<int64_t>(grid.size[gridAxis] - 1, 0));
}

}  // namespace logonet
