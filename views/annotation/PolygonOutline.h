#pragma once

#include <vector>

#include "common/VoxelIndex.h"
#include "editing/PolygonFill.h"
#include "editing/SlicePlane.h"

namespace logonet {
namespace views {

// The outline the polygon tool gathers on one slice of one view: vertices clicked one by one,
// or the path of a lasso drag. A point on another view or slice starts a new outline.
class PolygonOutline {
  public:
    // `owner` identifies the view; `axis` is its slice normal.
    void add(const void* owner, int axis, const VoxelIndex& voxel, bool dragged);
    bool belongsTo(const void* owner) const { return owner_ == owner && !points_.empty(); }
    bool isLasso() const { return lasso_; }
    const std::vector<SlicePoint>& points() const { return points_; }
    const logonet::SlicePlane& plane() const { return plane_; }
    void clear();

  private:
    const void* owner_ = nullptr;
    logonet::SlicePlane plane_;
    std::vector<SlicePoint> points_;
    bool lasso_ = false;
};

}  // namespace views
}  // namespace logonet
