#include "annotation/PolygonOutline.h"

namespace logonet {
namespace views {

void PolygonOutline::add(const void* owner, int axis, const VoxelIndex& voxel, bool dragged) {
    if (owner != owner_ || axis != plane_.axis || voxel[axis] != plane_.index) {
        clear();
        owner_ = owner;
        plane_ = logonet::SlicePlane{axis, voxel[axis]};
    }
    const SlicePoint point{static_cast<double>(voxel[plane_.uAxis()]),
                           static_cast<double>(voxel[plane_.vAxis()])};
    if (points_.empty() || points_.back().u != point.u || points_.back().v != point.v) {
        points_.push_back(point);
    }
    lasso_ = lasso_ || dragged;
}

void PolygonOutline::clear() {
    owner_ = nullptr;
    points_.clear();
    lasso_ = false;
}

}  // namespace views
}  // namespace logonet
