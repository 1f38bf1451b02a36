#pragma once

#include <cstdint>
#include <vector>

#include "editing/LabelDelta.h"
#include "editing/LabelEditor.h"

namespace logonet {

// Shape-based interpolation (Raya and Udupa): a label drawn on some slices is filled into the
// slices between them by blending the signed distance maps of the two nearest annotated
// slices, so a small disc and a large one give discs of intermediate radius in between, and a
// moving shape moves.
class ShapeInterpolation {
  public:
    // Slice indices along `axis` that hold `label`, ascending.
    static std::vector<int64_t> annotatedSlices(const LabelVolume& labels, LabelValue label,
                                                int axis);
    // Writes the interpolated shapes through the editor's open stroke (its draw-over rule
    // applies); returns the voxels changed. Throws std::invalid_argument for a bad axis or for
    // background as the label.
    static int64_t interpolate(LabelEditor& editor, LabelValue label, int axis);
    // The same as one step of its own: the labels show the result, and the returned delta is
    // either accepted (pushed to the history) or discarded (delta.revert(labels)).
    static LabelDelta preview(LabelEditor& editor, LabelValue label, int axis);
};

}  // namespace logonet
