#include "slices/SliceView.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

#include "common/IntensityWindow.h"
#include "common/SliceCursor.h"
#include "overlay/OverlaySettings.h"

namespace logonet {
namespace views {

namespace {
constexpr int kPressed = 0;
constexpr int kDragged = 1;
constexpr int kReleased = 2;
}  // namespace

SliceView::SliceView(SliceOrientation orientation, SliceCursor* cursor, IntensityWindow* window,
                     OverlaySettings* overlay, QWidget* parent)
    : QWidget(parent), cursor_(cursor), window_(window), overlay_(overlay) {
    plane_.orientation = orientation;
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setMinimumSize(160, 160);
    setAttribute(Qt::WA_OpaquePaintEvent);
    connect(cursor_, &SliceCursor::voxelChanged, this, [this] {
        if (sliceIndex() != renderedSlice_) {
            rerender();
        } else {
            update();
        }
    });
    connect(cursor_, &SliceCursor::zoomChanged, this, qOverload<>(&QWidget::update));
    connect(window_, &IntensityWindow::changed, this, &SliceView::rerender);
    connect(overlay_, &OverlaySettings::changed, this, &SliceView::rerender);
}

void SliceView::setImage(const ImageVolume* image) {
    image_ = image;
    renderer_.invalidateImage();
    renderer_.invalidateLabels();
    if (labels_ && (!image_ || labels_->size() != image_->size())) {
        labels_ = nullptr;
    }
    pan_ = {0, 0};
    rebuildPlane();
    rerender();
}

void SliceView::setLabels(const LabelVolume* labels) {
    labels_ = labels;
    renderer_.invalidateLabels();
    rerender();
}

void SliceView::setInteractionMode(InteractionMode mode) {
    mode_ = mode;
    setCursor(mode == InteractionMode::Edit ? Qt::CrossCursor : Qt::ArrowCursor);
}

void SliceView::setBrushRadius(double millimetres) {
    brushRadius_ = std::max(0.0, millimetres);
    update();
}

int64_t SliceView::sliceIndex() const {
    return cursor_->voxel()[plane_.normalAxis];
}

void SliceView::stepSlice(int64_t delta) {
    cursor_->stepAxis(plane_.normalAxis, delta);
}

void SliceView::labelsChanged(const VoxelBox& region) {
    if (labels_) {
        renderer_.labelsChanged(*labels_, region);
    }
    if (region.containsSlice(plane_.normalAxis, sliceIndex())) {
        rerender();
    }
}

void SliceView::labelsChangedEverywhere() {
    renderer_.invalidateLabels();
    rerender();
}

void SliceView::rebuildPlane() {
    const auto orientation = plane_.orientation;
    plane_ = image_ ? SlicePlane::forOrientation(orientation, image_->geometry()) : SlicePlane{};
    plane_.orientation = orientation;
}

void SliceView::rerender() {
    if (!image_ || plane_.width == 0) {
        sliceImage_ = QImage();
        renderedSlice_ = -1;
        update();
        return;
    }
    renderedSlice_ = sliceIndex();
    renderer_.render(*image_, labels_, plane_, renderedSlice_, window_->value(), overlay_->style(),
                     sliceImage_);
    update();
}

double SliceView::pixelsPerMm() const {
    if (plane_.width == 0) {
        return 1.0;
    }
    const double widthMm = plane_.width * plane_.horizontalSpacing;
    const double heightMm = plane_.height * plane_.verticalSpacing;
    return std::min(width() / widthMm, height() / heightMm) * cursor_->zoom();
}

QPointF SliceView::imageOrigin() const {
    const double scale = pixelsPerMm();
    const double w = plane_.width * plane_.horizontalSpacing * scale;
    const double h = plane_.height * plane_.verticalSpacing * scale;
    return QPointF((width() - w) / 2.0, (height() - h) / 2.0) + pan_;
}

QPointF SliceView::widgetPosition(const VoxelIndex& voxel) const {
    int u = 0;
    int v = 0;
    plane_.pixelOf(voxel, u, v);
    const double scale = pixelsPerMm();
    return imageOrigin() + QPointF((u + 0.5) * plane_.horizontalSpacing * scale,
                                   (v + 0.5) * plane_.verticalSpacing * scale);
}

bool SliceView::voxelAtPosition(const QPointF& position, VoxelIndex& voxel) const {
    if (!image_ || plane_.width == 0) {
        return false;
    }
    const double scale = pixelsPerMm();
    const QPointF p = position - imageOrigin();
    const int u = static_cast<int>(std::floor(p.x() / (plane_.horizontalSpacing * scale)));
    const int v = static_cast<int>(std::floor(p.y() / (plane_.verticalSpacing * scale)));
    if (u < 0 || v < 0 || u >= plane_.width || v >= plane_.height) {
        return false;
    }
    voxel = plane_.voxelAt(u, v, sliceIndex());
    return true;
}

void SliceView::resetView() {
    pan_ = {0, 0};
    cursor_->setZoom(1.0);
    update();
}

void SliceView::zoomAbout(const QPointF& position, double factor) {
    const double before = pixelsPerMm();
    const QPointF mm = (position - imageOrigin()) / before;
    // The zoom is shared by the three views; only this one keeps the pointed-at point.
    cursor_->setZoom(cursor_->zoom() * factor);
    const QPointF centred = imageOrigin() - pan_;
    pan_ = position - mm * pixelsPerMm() - centred;
    update();
}

void SliceView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), Qt::black);
    if (sliceImage_.isNull()) {
        painter.setPen(Qt::gray);
        painter.drawText(rect(), Qt::AlignCenter, tr("No scan loaded"));
        return;
    }
    const double scale = pixelsPerMm();
    const QRectF target(imageOrigin(), QSizeF(plane_.width * plane_.horizontalSpacing * scale,
                                              plane_.height * plane_.verticalSpacing * scale));
    painter.drawImage(target, sliceImage_);
    if (rangeHintEnabled_ && mode_ == InteractionMode::Edit) {
        drawIntensityRangeHint(painter, target);
    }
    drawAnnotations(painter);
}

void SliceView::setIntensityRangeHint(bool enabled, double low, double high) {
    rangeHintEnabled_ = enabled;
    rangeLow_ = std::min(low, high);
    rangeHigh_ = std::max(low, high);
    update();
}

void SliceView::drawIntensityRangeHint(QPainter& painter, const QRectF& target) {
    // Built per paint: one pass over one slice is far cheaper than the redraw itself, and it
    // always matches the slice shown.
    QImage tint(plane_.width, plane_.height, QImage::Format_ARGB32_Premultiplied);
    tint.fill(Qt::transparent);
    const int64_t slice = sliceIndex();
    const QRgb inRange = qPremultiply(qRgba(0, 220, 255, 70));
    for (int v = 0; v < plane_.height; ++v) {
        auto* row = reinterpret_cast<QRgb*>(tint.scanLine(v));
        for (int u = 0; u < plane_.width; ++u) {
            const VoxelIndex voxel = plane_.voxelAt(u, v, slice);
            const float value = image_->at(voxel[0], voxel[1], voxel[2]);
            if (value >= rangeLow_ && value <= rangeHigh_) {
                row[u] = inRange;
            }
        }
    }
    painter.drawImage(target, tint);
    painter.setPen(QColor(0, 220, 255));
    painter.drawText(
        rect().adjusted(4, 4, -4, -4), Qt::AlignBottom | Qt::AlignLeft,
        tr("Paint range %1 .. %2").arg(rangeLow_, 0, 'g', 5).arg(rangeHigh_, 0, 'g', 5));
}

void SliceView::drawAnnotations(QPainter& painter) {
    // Crosshair through the cursor voxel, with a gap so the voxel itself stays visible.
    const QPointF centre = widgetPosition(cursor_->voxel());
    const double gap = 6.0;
    painter.setPen(QPen(crosshairColour(), 1));
    painter.drawLine(QPointF(0, centre.y()), QPointF(centre.x() - gap, centre.y()));
    painter.drawLine(QPointF(centre.x() + gap, centre.y()), QPointF(width(), centre.y()));
    painter.drawLine(QPointF(centre.x(), 0), QPointF(centre.x(), centre.y() - gap));
    painter.drawLine(QPointF(centre.x(), centre.y() + gap), QPointF(centre.x(), height()));

    const ImageGeometry& geometry = image_->geometry();
    painter.setPen(QColor(255, 220, 120));
    QFont font = painter.font();
    font.setBold(true);
    painter.setFont(font);
    const QRect box = rect().adjusted(4, 4, -4, -4);
    painter.drawText(box, Qt::AlignLeft | Qt::AlignVCenter,
                     QString(QChar(plane_.leftLetter(geometry))));
    painter.drawText(box, Qt::AlignRight | Qt::AlignVCenter,
                     QString(QChar(plane_.rightLetter(geometry))));
    painter.drawText(box, Qt::AlignTop | Qt::AlignHCenter,
                     QString(QChar(plane_.topLetter(geometry))));
    painter.drawText(box, Qt::AlignBottom | Qt::AlignHCenter,
                     QString(QChar(plane_.bottomLetter(geometry))));
    painter.setPen(QColor(230, 230, 230));
    painter.drawText(box, Qt::AlignTop | Qt::AlignLeft,
                     tr("%1 %2/%3")
                         .arg(orientationName(plane_.orientation))
                         .arg(sliceIndex() + 1)
                         .arg(plane_.sliceCount));

    if (brushRadius_ > 0.0 && hoverPosition_.x() >= 0) {
        const double r = brushRadius_ * pixelsPerMm();
        painter.setPen(QPen(QColor(255, 255, 255, 200), 1, Qt::DashLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(hoverPosition_, r, r);
    }
}

void SliceView::moveCursorTo(const QPointF& position) {
    VoxelIndex voxel;
    if (voxelAtPosition(position, voxel)) {
        cursor_->setVoxel(voxel);
    }
}

void SliceView::emitEditSignal(QMouseEvent* event, int kind) {
    VoxelIndex voxel;
    if (!voxelAtPosition(event->position(), voxel)) {
        return;
    }
    const int x = static_cast<int>(voxel[0]);
    const int y = static_cast<int>(voxel[1]);
    const int z = static_cast<int>(voxel[2]);
    // On release, buttons() no longer holds the released button: report the one released.
    const Qt::MouseButtons buttons =
        kind == kReleased ? Qt::MouseButtons(event->button()) : event->buttons();
    if (kind == kPressed) {
        Q_EMIT voxelPressed(x, y, z, buttons, event->modifiers());
    } else if (kind == kDragged) {
        Q_EMIT voxelDragged(x, y, z, buttons, event->modifiers());
    } else {
        Q_EMIT voxelReleased(x, y, z, buttons, event->modifiers());
    }
}

void SliceView::mousePressEvent(QMouseEvent* event) {
    lastMouse_ = event->position();
    if (!image_) {
        return;
    }
    if (event->button() == Qt::MiddleButton) {
        return;
    }
    if (mode_ == InteractionMode::Edit) {
        emitEditSignal(event, kPressed);
        return;
    }
    pressPosition_ = event->position();
    if (event->button() == Qt::LeftButton && !(event->modifiers() & Qt::ShiftModifier)) {
        moveCursorTo(event->position());
    }
}

void SliceView::mouseMoveEvent(QMouseEvent* event) {
    hoverPosition_ = event->position();
    const QPointF delta = event->position() - lastMouse_;
    lastMouse_ = event->position();
    if (image_) {
        VoxelIndex voxel{0, 0, 0};
        const bool inside = voxelAtPosition(event->position(), voxel);
        Q_EMIT hovered(voxel, inside);
    }
    if (brushRadius_ > 0.0) {
        update();
    }
    if (!image_ || event->buttons() == Qt::NoButton) {
        return;
    }
    if (event->buttons() & Qt::MiddleButton) {
        pan_ += delta;
        update();
        return;
    }
    if (mode_ == InteractionMode::Edit) {
        emitEditSignal(event, kDragged);
        return;
    }
    if (event->buttons() & Qt::RightButton) {
        // Dragging up zooms in, about where the drag started (ITK-SNAP, Slicer).
        zoomAbout(pressPosition_, std::pow(1.01, -delta.y()));
    } else if ((event->buttons() & Qt::LeftButton) && (event->modifiers() & Qt::ShiftModifier)) {
        // Shift+drag: horizontal widens the window, vertical moves the level, both in proportion
        // to the current window so that the gesture feels the same for CT and MR.
        WindowLevel value = window_->value();
        const double unit = std::max(value.window, 1.0) / 200.0;
        value.window = std::max(1e-3, value.window + delta.x() * unit);
        value.level += delta.y() * unit;
        window_->setValue(value);
    } else if (event->buttons() & Qt::LeftButton) {
        moveCursorTo(event->position());
    }
}

void SliceView::mouseReleaseEvent(QMouseEvent* event) {
    if (image_ && mode_ == InteractionMode::Edit && event->button() != Qt::MiddleButton) {
        emitEditSignal(event, kReleased);
    }
}

void SliceView::wheelEvent(QWheelEvent* event) {
    const int steps = event->angleDelta().y() / 120;
    const int direction = steps != 0 ? steps : (event->angleDelta().y() > 0 ? 1 : -1);
    if (event->angleDelta().y() == 0) {
        return;
    }
    if (event->modifiers() & Qt::ControlModifier) {
        zoomAbout(event->position(), std::pow(1.2, direction));
    } else {
        stepSlice(direction);
    }
    event->accept();
}

void SliceView::keyPressEvent(QKeyEvent* event) {
    switch (event->key()) {
        case Qt::Key_PageUp:
        case Qt::Key_Up:
            stepSlice(1);
            break;
        case Qt::Key_PageDown:
        case Qt::Key_Down:
            stepSlice(-1);
            break;
        case Qt::Key_Plus:
        case Qt::Key_Equal:
            cursor_->setZoom(cursor_->zoom() * 1.2);
            break;
        case Qt::Key_Minus:
            cursor_->setZoom(cursor_->zoom() / 1.2);
            break;
        case Qt::Key_Home:
            resetView();
            break;
        default:
            QWidget::keyPressEvent(event);
    }
}

void SliceView::leaveEvent(QEvent* event) {
    hoverPosition_ = {-1, -1};
    Q_EMIT hovered({0, 0, 0}, false);
    update();
    QWidget::leaveEvent(event);
}

void SliceView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    update();
}

}  // namespace views
}  // namespace logonet
