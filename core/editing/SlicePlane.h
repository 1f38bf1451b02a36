#pragma once

#include <cstdint>

#include "geometry/ImageGeometry.h"

namespace logonet {

// One slice of a volume: the voxels whose index along `axis` equals `index`. In-plane positions
// (u, v) run along the two other axes in increasing order: axial (axis 2) u = i, v = j;
// coronal (axis 1) u = i, v = k; sagittal (axis 0) u = j, v = k.
struct SlicePlane {
    int axis = 2;
    int64_t index = 0;

    int uAxis() const { return axis == 0 ? 1 : 0; }
    int vAxis() const { return axis == 2 ? 1 : 2; }
    Size3 voxel(int64_t u, int64_t v) const {
        Size3 ijk{0, 0, 0};
        ijk[axis] = index;
        ijk[uAxis()] = u;
        ijk[vAxis()] = v;
        return ijk;
    }
};

}  // namespace logonet
