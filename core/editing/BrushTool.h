#pragma once

#include <cstdint>

#include "editing/BrushFootprint.h"
#include "editing/LabelEditor.h"

namespace logonet {

// Paint brush and eraser (an eraser is a brush that writes 0). Dabs go through the editor, so
// the draw-over rule and intensity limits apply; the caller opens and ends the stroke.
class BrushTool {
  public:
    BrushTool(LabelEditor& editor, const BrushOptions& options, LabelValue value);

    const BrushFootprint& footprint() const { return footprint_; }
    LabelValue value() const { return value_; }

    // One dab centred on voxel `center` (voxels outside the volume are skipped); returns the
    // number of voxels it changed.
    int64_t dab(const Size3& center);
    // A mouse drag from `from` (already painted) to `to`: dabs along the segment close enough
    // together that the swept footprint has no gaps, the last one at `to`.
    int64_t drag(const Size3& from, const Size3& to);

  private:
    LabelEditor& editor_;
    BrushFootprint footprint_;
    LabelValue value_;
};

}  // namespace logonet
