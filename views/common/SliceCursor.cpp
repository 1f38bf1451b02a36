#include "common/SliceCursor.h"

#include <algorithm>

namespace logonet {
namespace views {

SliceCursor::SliceCursor(QObject* parent) : QObject(parent) {}

void SliceCursor::setGeometry(const ImageGeometry& geometry) {
    geometry_ = geometry;
    for (int a = 0; a < 3; ++a) {
        voxel_[a] = std::max<int64_t>(0, geometry.size[a] / 2);
    }
    zoom_ = 1.0;
    Q_EMIT geometryChanged();
    Q_EMIT zoomChanged(zoom_);
    Q_EMIT voxelChanged(voxel_);
}

Vec3 SliceCursor::world() const {
    return geometry_.indexToWorld({static_cast<double>(voxel_[0]), static_cast<double>(voxel_[1]),
                                   static_cast<double>(voxel_[2])});
}

void SliceCursor::setVoxel(const VoxelIndex& voxel) {
    VoxelIndex clamped = voxel;
    for (int a = 0; a < 3; ++a) {
        clamped[a] = std::clamp<int64_t>(voxel[a], 0, std::max<int64_t>(0, geometry_.size[a] - 1));
    }
    if (clamped == voxel_) {
        return;
    }
    voxel_ = clamped;
    Q_EMIT voxelChanged(voxel_);
}

void SliceCursor::setAxisIndex(int axis, int64_t index) {
    VoxelIndex voxel = voxel_;
    voxel[axis] = index;
    setVoxel(voxel);
}

void SliceCursor::setZoom(double zoom) {
    zoom = std::clamp(zoom, 0.25, 32.0);
    if (zoom == zoom_) {
        return;
    }
    zoom_ = zoom;
    Q_EMIT zoomChanged(zoom_);
}

}  // namespace views
}  // namespace logonet
