#pragma once

#include <QImage>
#include <vector>

#include "common/WindowLevel.h"
#include "overlay/OverlayStyle.h"
#include "slices/SlicePlane.h"
#include "slices/XSlabCache.h"

namespace logonet {
namespace views {

// Cuts one slice out of an image (and its label map) and paints it into a QImage: intensities
// through the window, labels blended on top. Keeps its buffers between calls, because stepping
// through slices of a 512x512x300 scan has to stay well under 10 ms per slice.
class SliceRenderer {
  public:
    // `labels` may be null; otherwise it has the image's size. `out` is resized when needed.
    void render(const ImageVolume& image, const LabelVolume* labels, const SlicePlane& plane,
                int64_t slice, const WindowLevel& window, const OverlayStyle& overlay, QImage& out);

    // The label volume changed in `region`, or everywhere; the image was replaced.
    void labelsChanged(const LabelVolume& labels, const VoxelBox& region);
    void invalidateLabels() { labelSlab_.invalidate(); }
    void invalidateImage() { imageSlab_.invalidate(); }

  private:
    // Offsets of the slice's rows and columns; `fromSlab` when the voxels are read from the
    // contiguous planes of the x-slab caches instead of the volumes.
    void prepareOffsets(const Size3& size, const SlicePlane& plane, int64_t slice, bool fromSlab);
    void paintIntensities(const float* voxels, const WindowLevel& window, QImage& out);
    void blendLabels(const LabelValue* voxels, const OverlayStyle& overlay, QImage& out);

    size_t base_ = 0;
    std::vector<size_t> columnOffsets_;
    std::vector<size_t> rowOffsets_;
    std::vector<LabelValue> labelSlice_;
    XSlabCache<float> imageSlab_;
    XSlabCache<LabelValue> labelSlab_;
};

}  // namespace views
}  // namespace logonet
