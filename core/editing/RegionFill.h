#pragma once

#include <cstdint>

#include "editing/LabelEditor.h"

namespace logonet {

struct FillOptions {
    bool slice = false;  // grow within the seed's slice of `axis` only (2D), else in 3D
    int axis = 2;
    // Grow only through voxels whose intensity lies within this distance of the seed's; a
    // negative tolerance (or no image) ignores intensities.
    double tolerance = -1.0;
};

// Region growing from a clicked voxel: the face-connected voxels that hold the seed's label
// (so existing labels bound the region) and, with an image, an intensity close to the seed's.
// The region is written with `value` through the editor, so the draw-over rule applies too.
class RegionFill {
  public:
    struct Result {
        int64_t regionVoxels = 0;
        int64_t changedVoxels = 0;
    };
    // Throws std::invalid_argument for a seed outside the volume or a bad axis.
    static Result fill(LabelEditor& editor, const Size3& seed, LabelValue value,
                       const FillOptions& options);
};

}  // namespace logonet
