#pragma once

#include <QObject>

#include "common/VoxelIndex.h"
#include "geometry/ImageGeometry.h"

namespace logonet {
namespace views {

// The one cursor that the linked slice views and the 3D view share: a voxel of the current
// scan and the zoom factor of the slice views. Each window owns its own and passes it in.
class SliceCursor : public QObject {
    Q_OBJECT
  public:
    explicit SliceCursor(QObject* parent = nullptr);

    // A new scan: the cursor moves to its centre and the zoom goes back to "fit".
    void setGeometry(const ImageGeometry& geometry);
    const ImageGeometry& geometry() const { return geometry_; }
    bool hasGeometry() const { return geometry_.voxelCount() > 0; }

    const VoxelIndex& voxel() const { return voxel_; }
    Vec3 world() const;
    void setVoxel(const VoxelIndex& voxel);
    void setAxisIndex(int axis, int64_t index);
    void stepAxis(int axis, int64_t delta) { setAxisIndex(axis, voxel_[axis] + delta); }

    // 1 shows the whole slice in the view; larger values magnify.
    double zoom() const { return zoom_; }
    void setZoom(double zoom);

  Q_SIGNALS:
    void voxelChanged(const logonet::views::VoxelIndex& voxel);
    void zoomChanged(double zoom);
    void geometryChanged();

  private:
    ImageGeometry geometry_;
    VoxelIndex voxel_{0, 0, 0};
    double zoom_ = 1.0;
};

}  // namespace views
}  // namespace logonet
