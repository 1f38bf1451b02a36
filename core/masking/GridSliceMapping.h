#pragma once

#include <cstdint>

#include "geometry/ImageGeometry.h"

namespace logonet {

// A slice of the scan's own voxel grid: the voxel axis it cuts and its index along that axis.
struct ScanSlice {
    int axis = 2;
    int64_t index = 0;
};

// Slices of a derived grid (a pre-training crop, a clustering's slice window) are shown on the
// scan they were cut from. The derived grid is reoriented (RAS) and resampled, so each of its
// axes is one of the scan's voxel axes, permuted and maybe flipped, at another spacing.

// The scan slice through the centre of slice `index` of `grid` along grid axis `gridAxis`: the
// scan axis parallel to it, at the index nearest to that centre, clamped to the scan. Throws
// std::invalid_argument for an axis other than 0, 1 or 2.
ScanSlice scanSliceOfGridSlice(const ImageGeometry& scan, const ImageGeometry& grid, int gridAxis,
                               int64_t index);

// The slice of `grid` along `gridAxis` whose centre is nearest to scan voxel `voxel`, clamped to
// [0, grid.size[gridAxis]).
int64_t gridIndexOfScanVoxel(const ImageGeometry& scan, const ImageGeometry& grid, int gridAxis,
                             const Size3& voxel);

}  // namespace logonet
