#pragma once

#include <cstdint>

#include "editing/LabelEditor.h"

namespace logonet {

// Whole-label edits from the label editor, written through the editor's open stroke so that
// they are undone like any other step.
class LabelOperations {
  public:
    // Every voxel of `from` becomes `into`; returns the voxels changed.
    static int64_t merge(LabelEditor& editor, LabelValue from, LabelValue into);
    // Every voxel of `label` becomes background.
    static int64_t erase(LabelEditor& editor, LabelValue label);
};

}  // namespace logonet
