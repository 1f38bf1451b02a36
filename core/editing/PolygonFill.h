#pragma once

#include <cstdint>
#include <vector>

#include "editing/LabelEditor.h"
#include "editing/SlicePlane.h"

namespace logonet {

// A point on a slice in continuous in-plane voxel coordinates (see SlicePlane): (3, 4) is the
// centre of the voxel at u = 3, v = 4.
struct SlicePoint {
    double u = 0.0;
    double v = 0.0;
};

// Polygon and lasso tool: fills (or, with value 0, erases) the voxels of a slice whose centres
// lie inside a closed outline. Inside follows the even-odd rule, so a self-crossing lasso
// leaves its doubly wound parts out, as in most drawing programs.
class PolygonFill {
  public:
    static bool contains(const std::vector<SlicePoint>& polygon, double u, double v);
    // Writes `value` inside the polygon on `plane` through the editor; returns the voxels
    // changed. Fewer than three points enclose nothing. Throws std::invalid_argument for a
    // plane outside the volume.
    static int64_t fill(LabelEditor& editor, const SlicePlane& plane,
                        const std::vector<SlicePoint>& polygon, LabelValue value);
};

}  // namespace logonet
