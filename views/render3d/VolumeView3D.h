#pragma once

#include <QOpenGLWidget>
#include <memory>
#include <vector>

#include "render3d/LabelMesh.h"

namespace logonet {
namespace views {

class SliceCursor;
class OverlaySettings;

// The 3D view: volume rendering of the scan, surface meshes of the labels and a marker at the
// shared cursor. VTK renders into this QOpenGLWidget's context (VTK's own Qt module is built for
// Qt 5 here); mouse gestures are camera operations: left drag rotates, middle drag (or Shift+left)
// pans, right drag and the wheel zoom. A double click on a surface (or on the rendered volume)
// moves the shared cursor there, as in ITK-SNAP and Slicer.
class VolumeView3D : public QOpenGLWidget {
    Q_OBJECT
  public:
    VolumeView3D(SliceCursor* cursor, OverlaySettings* overlay, QWidget* parent = nullptr);
    ~VolumeView3D() override;

    // The image stays owned by the caller; it is copied (subsampled for large scans) into VTK.
    void setImage(const ImageVolume* image);
    void setMeshes(const std::vector<LabelMesh>& meshes);
    void clearMeshes();
    int meshCount() const;
    void setVolumeVisible(bool visible);
    void resetCamera();

    // Camera operations, in screen pixels (also used by tests).
    void rotate(double dx, double dy);
    void pan(double dx, double dy);
    void zoom(double factor);
    // Moves the cursor to the surface or tissue under a widget position; false (cursor unchanged)
    // when nothing is there.
    bool pickCursorAt(const QPointF& position);

    // Called once (before QApplication) so that every QOpenGLWidget gets a core profile VTK can
    // use.
    static void prepareSurfaceFormat();

  protected:
    void initializeGL() override;
    void paintGL() override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;

  private:
    void updateMarker();
    void applyVisibility();

    struct Pipeline;
    std::unique_ptr<Pipeline> pipeline_;
    SliceCursor* cursor_;
    OverlaySettings* overlay_;
    QPointF lastMouse_;
};

}  // namespace views
}  // namespace logonet
