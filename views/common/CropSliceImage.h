#pragma once

#include <QImage>
#include <QRectF>

#include "masking/SliceAxis.h"
#include "volume/Volume.h"

namespace logonet {
namespace views {

// How a slice of a pre-training crop (RAS: axes grow to right, anterior, superior) is laid out as
// an image: horizontal is the slice's row axis (the first of slicePlaneAxes()), vertical its
// column axis, both flipped so that slices look as in the slice views (radiological: the
// patient's right on the image's left, anterior up in axial, superior up otherwise).
struct CropSliceLayout {
    int width = 0;
    int height = 0;
    bool flipHorizontal = true;
    bool flipVertical = true;

    static CropSliceLayout of(const Size3& cropSize, SliceAxis axis);
    // The image rectangle covering slice rows [row, row + rows) and columns [column, column +
    // columns), in image pixels.
    QRectF rectOf(int64_t row, int64_t column, int64_t rows, int64_t columns) const;
    // Image pixel -> slice (row, column).
    void cellAt(int x, int y, int64_t& row, int64_t& column) const;
};

// Slice `index` of a crop with values in [0, 1] as a grey image (0 black, 1 white), laid out by
// CropSliceLayout. Throws std::out_of_range for an index outside the crop.
QImage cropSliceImage(const ImageVolume& crop, SliceAxis axis, int64_t index);

}  // namespace views
}  // namespace logonet
