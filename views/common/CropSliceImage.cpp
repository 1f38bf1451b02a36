#include "common/CropSliceImage.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace logonet {
namespace views {

CropSliceLayout CropSliceLayout::of(const Size3& cropSize, SliceAxis axis) {
    const auto plane = slicePlaneAxes(axis);
    CropSliceLayout layout;
    layout.width = static_cast<int>(cropSize[plane[0]]);
    layout.height = static_cast<int>(cropSize[plane[1]]);
    return layout;
}

QRectF CropSliceLayout::rectOf(int64_t row, int64_t column, int64_t rows, int64_t columns) const {
    const double width = static_cast<double>(std::min<int64_t>(rows, this->width - row));
    const double left = flipHorizontal ? this->width - row - width : static_cast<double>(row);
    const double extent = static_cast<double>(std::min<int64_t>(columns, height - column));
    const double top = flipVertical ? height - column - extent : static_cast<double>(column);
    return QRectF(left, top, width, extent);
}

void CropSliceLayout::cellAt(int x, int y, int64_t& row, int64_t& column) const {
    row = flipHorizontal ? width - 1 - x : x;
    column = flipVertical ? height - 1 - y : y;
}

QImage cropSliceImage(const ImageVolume& crop, SliceAxis axis, int64_t index) {
    const int normal = static_cast<int>(axis);
    if (index < 0 || index >= crop.size()[normal]) {
        throw std::out_of_range("slice " + std::to_string(index) + " lies outside the crop " +
                                crop.geometry().describe());
    }
    const auto plane = slicePlaneAxes(axis);
    const CropSliceLayout layout = CropSliceLayout::of(crop.size(), axis);
    QImage image(layout.width, layout.height, QImage::Format_Grayscale8);
    int64_t voxel[3] = {0, 0, 0};
    voxel[normal] = index;
    for (int y = 0; y < layout.height; ++y) {
        uchar* line = image.scanLine(y);
        for (int x = 0; x < layout.width; ++x) {
            int64_t row = 0;
            int64_t column = 0;
            layout.cellAt(x, y, row, column);
            voxel[plane[0]] = row;
            voxel[plane[1]] = column;
            const float value = crop.at(voxel[0], voxel[1], voxel[2]);
            line[x] = static_cast<uchar>(std::lround(std::clamp(value, 0.0f, 1.0f) * 255.0f));
        }
    }
    return image;
}

}  // namespace views
}  // namespace logonet
