#pragma once

#include <QImage>
#include <QPointF>
#include <QWidget>

#include "common/VoxelIndex.h"
#include "slices/SlicePlane.h"
#include "slices/SliceRenderer.h"

namespace logonet {
namespace views {

class SliceCursor;
class IntensityWindow;
class OverlaySettings;

// One slice view (axial, coronal or sagittal) of a scan with its label overlay. Shares the cursor,
// the intensity window and the overlay settings with the other views of its window.
//
// Navigate mode: left click/drag sets the cursor, right drag changes window/level, middle drag
// pans, wheel and Page Up/Down step slices, Ctrl+wheel zooms.
// Edit mode (for annotation tools): left and right buttons are reported as voxelPressed /
// voxelDragged / voxelReleased instead; the tool writes into the label volume it shares with the
// view and calls labelsChanged() for the region it touched.
class SliceView : public QWidget {
    Q_OBJECT
  public:
    enum class InteractionMode { Navigate, Edit };

    SliceView(SliceOrientation orientation, SliceCursor* cursor, IntensityWindow* window,
              OverlaySettings* overlay, QWidget* parent = nullptr);

    // Both volumes stay owned by the caller and must outlive the view (or be replaced first).
    void setImage(const ImageVolume* image);
    void setLabels(const LabelVolume* labels);
    const LabelVolume* labels() const { return labels_; }

    void setInteractionMode(InteractionMode mode);
    InteractionMode interactionMode() const { return mode_; }
    // A circle of this radius (mm) follows the mouse; 0 hides it.
    void setBrushRadius(double millimetres);
    // Intensity-limited painting: tints the voxels of the slice whose intensity lies in
    // [low, high] (the ones a brush may change) and names the range in the corner.
    void setIntensityRangeHint(bool enabled, double low, double high);
    bool intensityRangeHintShown() const { return rangeHintEnabled_; }

    SliceOrientation orientation() const { return plane_.orientation; }
    const SlicePlane& plane() const { return plane_; }
    int64_t sliceIndex() const;
    void stepSlice(int64_t delta);

    // Widget position of a voxel's centre (on the current slice plane); for tools and tests.
    QPointF widgetPosition(const VoxelIndex& voxel) const;
    // Voxel under a widget position; false outside the image.
    bool voxelAtPosition(const QPointF& position, VoxelIndex& voxel) const;
    void resetView();
    // Zooms by `factor` keeping the point under `position` (widget pixels) where it is, as
    // ITK-SNAP's and Slicer's right-drag and Ctrl+wheel do.
    void zoomAbout(const QPointF& position, double factor);

    // The slice image as last rendered (without crosshair and letters).
    const QImage& sliceImage() const { return sliceImage_; }
    static QColor crosshairColour() { return QColor(64, 160, 255); }

  public Q_SLOTS:
    // The label volume changed in `region` (or everywhere): redraw if this slice is affected.
    void labelsChanged(const logonet::views::VoxelBox& region);
    void labelsChangedEverywhere();

  Q_SIGNALS:
    void voxelPressed(int x, int y, int z, Qt::MouseButtons buttons,
                      Qt::KeyboardModifiers modifiers);
    void voxelDragged(int x, int y, int z, Qt::MouseButtons buttons,
                      Qt::KeyboardModifiers modifiers);
    void voxelReleased(int x, int y, int z, Qt::MouseButtons buttons,
                       Qt::KeyboardModifiers modifiers);
    // The mouse is over this voxel (inside = false when it left the image).
    void hovered(const logonet::views::VoxelIndex& voxel, bool inside);

  protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

  private:
    void rebuildPlane();
    void rerender();
    // Pixels per millimetre and the widget position of the slice image's top-left corner.
    double pixelsPerMm() const;
    QPointF imageOrigin() const;
    void moveCursorTo(const QPointF& position);
    void emitEditSignal(QMouseEvent* event, int kind);
    void drawAnnotations(class QPainter& painter);

    SliceCursor* cursor_;
    IntensityWindow* window_;
    OverlaySettings* overlay_;
    const ImageVolume* image_ = nullptr;
    const LabelVolume* labels_ = nullptr;
    SlicePlane plane_;
    SliceRenderer renderer_;
    QImage sliceImage_;
    int64_t renderedSlice_ = -1;
    InteractionMode mode_ = InteractionMode::Navigate;
    double brushRadius_ = 0.0;
    bool rangeHintEnabled_ = false;
    double rangeLow_ = 0.0;
    double rangeHigh_ = 0.0;
    void drawIntensityRangeHint(QPainter& painter, const QRectF& target);
    QPointF pan_{0, 0};
    QPointF pressPosition_{0, 0};  // where a right-drag zoom is centred
    QPointF lastMouse_;
    QPointF hoverPosition_{-1, -1};
};

}  // namespace views
}  // namespace logonet
