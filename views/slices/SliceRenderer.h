#pragma once

#include <QImage>
#include <vector>

#include "common/WindowLevel.h"
#include "overlay/OverlayStyle.h"
#include "slices/SlicePlane.h"

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

  private:
    void prepareOffsets(const Size3& size, const SlicePlane& plane, int64_t slice);
    void paintIntensities(const ImageVolume& image, const WindowLevel& window, QImage& out);
    void blendLabels(const LabelVolume& labels, const OverlayStyle& overlay, QImage& out);

    size_t base_ = 0;
    std::vector<size_t> columnOffsets_;
    std::vector<size_t> rowOffsets_;
    std::vector<LabelValue> labelSlice_;
};

}  // namespace views
}  // namespace logonet
