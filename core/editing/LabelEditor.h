#pragma once

#include <cstdint>
#include <vector>

#include "editing/DrawOverRule.h"
#include "editing/LabelDelta.h"
#include "editing/VoxelBitSet.h"
#include "editing/VoxelBox.h"
#include "volume/Volume.h"

namespace logonet {

// The one path through which every tool writes labels. Each write is filtered by a draw-over
// rule (and its intensity limits) and the first old value of every voxel it changes is recorded,
// so that endStroke() can hand back the stroke's change as a compact LabelDelta: one undo step.
//
// Tools write whole rows (i0..i1 at fixed j, k) because rows are contiguous in memory and the
// recorded runs then come out long.
class LabelEditor {
  public:
    explicit LabelEditor(LabelVolume& labels);
    // With an image for intensity limits; throws std::invalid_argument when the grids differ.
    LabelEditor(LabelVolume& labels, const ImageVolume& image);

    LabelVolume& labels() { return labels_; }
    const LabelVolume& labels() const { return labels_; }
    const ImageVolume* image() const { return image_; }

    // Throws std::invalid_argument for intensity limits without an image or with low > high.
    void setRule(const DrawOverRule& rule);
    const DrawOverRule& rule() const { return rule_; }

    // A stroke gathers every write until endStroke(); throws std::logic_error when one is open.
    void beginStroke();
    bool inStroke() const { return inStroke_; }
    // Writes `value` into voxels i0..i1 (clipped to the volume) of row (j, k) that the rule
    // allows; returns how many voxels changed. Throws std::logic_error outside a stroke.
    int64_t writeRow(int64_t i0, int64_t i1, int64_t j, int64_t k, LabelValue value);
    int64_t writeRow(int64_t i0, int64_t i1, int64_t j, int64_t k, LabelValue value,
                     const DrawOverRule& rule);
    // The stroke's change (empty when nothing changed); the labels keep the new values.
    LabelDelta endStroke();
    // Puts back every voxel the open stroke changed.
    void cancelStroke();

    // Voxels changed since the last call (strokes and cancels alike), for views to redraw.
    VoxelBox takeDirtyRegion();
    void markDirty(const VoxelBox& box) { dirty_.include(box); }
    // Voxels changed so far in the open stroke.
    int64_t strokeVoxelCount() const { return strokeVoxels_; }

  private:
    // Consecutive changed voxels sharing their old value, in the order they were first changed.
    struct OldRun {
        int64_t offset;
        uint32_t length;
        LabelValue before;
    };
    void checkRule(const DrawOverRule& rule) const;
    void record(int64_t offset, LabelValue before);

    LabelVolume& labels_;
    const ImageVolume* image_ = nullptr;
    DrawOverRule rule_;
    bool inStroke_ = false;
    // Voxels already recorded in the open stroke: their first old value is the one to keep.
    VoxelBitSet recorded_;
    std::vector<OldRun> oldRuns_;
    int64_t strokeVoxels_ = 0;
    VoxelBox dirty_;
};

}  // namespace logonet
