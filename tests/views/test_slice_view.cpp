// The slice view as a user drives it: clicks, wheel, keys, right drag, edit-mode signals, and the
// pixels it paints (overlay where the label is, crosshair where the cursor is).
#include <QSignalSpy>
#include <QTest>

#include "common/IntensityWindow.h"
#include "common/SliceCursor.h"
#include "overlay/OverlaySettings.h"
#include "slices/SliceView.h"

using namespace logonet;
using namespace logonet::views;

namespace {

// A 1-pixel line at a fractional position lands on one of the neighbouring pixels.
bool crosshairNear(const QImage& shot, int x, int y) {
    for (int dy = -1; dy <= 1; ++dy) {
        for (int dx = -1; dx <= 1; ++dx) {
            const QPoint p(x + dx, y + dy);
            if (shot.rect().contains(p) && QColor(shot.pixel(p)) == SliceView::crosshairColour()) {
                return true;
            }
        }
    }
    return false;
}

}  // namespace

class TestSliceView : public QObject {
    Q_OBJECT
  private:
    ImageVolume image_;
    LabelVolume labels_;
    SliceCursor cursor_;
    IntensityWindow window_;
    OverlaySettings overlay_;
    std::unique_ptr<SliceView> view_;

    void sendWheel(int delta, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
        const QPointF centre(view_->width() / 2.0, view_->height() / 2.0);
        QWheelEvent event(centre, view_->mapToGlobal(centre), QPoint(), QPoint(0, delta),
                          Qt::NoButton, modifiers, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view_.get(), &event);
    }

  private Q_SLOTS:
    void initTestCase() {
        // Flipped x (voxel x grows to the patient's right), anisotropic spacing.
        ImageGeometry g;
        g.size = {40, 30, 20};
        g.spacing = {1.0, 1.0, 2.5};
        g.direction = {-1, 0, 0, 0, 1, 0, 0, 0, 1};
        image_ = ImageVolume(g, 40.0f);
        labels_ = LabelVolume(g);
        // A block of liver at voxels x 5..14, y 5..14 on every slice from 8 upwards.
        for (int64_t k = 8; k < 20; ++k) {
            for (int64_t j = 5; j < 15; ++j) {
                for (int64_t i = 5; i < 15; ++i) {
                    labels_.at(i, j, k) = 6;
                }
            }
        }
        overlay_.setLabelSet(LabelSet::btcv());
        overlay_.setOpacity(1.0);
        window_.setValue({400, 50});
        view_ = std::make_unique<SliceView>(SliceOrientation::Axial, &cursor_, &window_, &overlay_);
        view_->resize(400, 300);
        cursor_.setGeometry(g);
        view_->setImage(&image_);
        view_->setLabels(&labels_);
        view_->show();
        QVERIFY(QTest::qWaitForWindowExposed(view_.get()));
    }

    void overlayAppearsWhereTheLabelIs() {
        cursor_.setVoxel({20, 15, 10});
        const QImage shot = view_->grab().toImage();
        const QPoint inside = view_->widgetPosition({9, 9, 10}).toPoint();
        const QPoint outside = view_->widgetPosition({30, 25, 10}).toPoint();
        QCOMPARE(QColor(shot.pixel(inside)), QColor(128, 0, 0));
        const QColor grey(shot.pixel(outside));
        QCOMPARE(grey.red(), grey.green());
        QVERIFY(grey.red() > 100 && grey.red() < 150);
        // x is flipped: voxel x 9 (patient right side) is drawn left of voxel x 30.
        QVERIFY(inside.x() > outside.x());

        overlay_.setEnabled(false);
        const QColor off(view_->grab().toImage().pixel(inside));
        QCOMPARE(off.red(), off.green());
        overlay_.setEnabled(true);
        // Below slice 8 there is no label.
        cursor_.setVoxel({20, 15, 3});
        const QColor below(view_->grab().toImage().pixel(inside));
        QCOMPARE(below.red(), below.blue());
    }

    void crosshairFollowsTheCursor() {
        cursor_.setVoxel({20, 15, 10});
        QPointF at = view_->widgetPosition({20, 15, 10});
        QImage shot = view_->grab().toImage();
        // Vertical line through the cursor column, well away from the centre gap.
        QVERIFY(crosshairNear(shot, int(at.x()), 3));
        QVERIFY(crosshairNear(shot, 3, int(at.y())));
        cursor_.setVoxel({33, 4, 10});
        const QPointF moved = view_->widgetPosition({33, 4, 10});
        QVERIFY(std::abs(moved.x() - at.x()) > 20);
        shot = view_->grab().toImage();
        QVERIFY(crosshairNear(shot, int(moved.x()), view_->height() - 3));
        QVERIFY(!crosshairNear(shot, int(at.x()), view_->height() - 3));
    }

    void clickSetsTheCursor() {
        cursor_.setVoxel({20, 15, 10});
        const QPoint target = view_->widgetPosition({7, 22, 10}).toPoint();
        QTest::mouseClick(view_.get(), Qt::LeftButton, Qt::NoModifier, target);
        QCOMPARE(cursor_.voxel(), (VoxelIndex{7, 22, 10}));
    }

    void wheelAndKeysStepSlices() {
        cursor_.setVoxel({20, 15, 10});
        sendWheel(120);
        QCOMPARE(view_->sliceIndex(), int64_t{11});
        sendWheel(-240);
        QCOMPARE(view_->sliceIndex(), int64_t{9});
        QTest::keyClick(view_.get(), Qt::Key_PageUp);
        QCOMPARE(view_->sliceIndex(), int64_t{10});
        QTest::keyClick(view_.get(), Qt::Key_PageDown);
        QTest::keyClick(view_.get(), Qt::Key_PageDown);
        QCOMPARE(view_->sliceIndex(), int64_t{8});
        for (int n = 0; n < 30; ++n) {
            QTest::keyClick(view_.get(), Qt::Key_PageDown);
        }
        QCOMPARE(view_->sliceIndex(), int64_t{0});  // clamped at the first slice
        // Ctrl+wheel zooms instead of scrolling.
        cursor_.setVoxel({20, 15, 10});
        sendWheel(120, Qt::ControlModifier);
        QCOMPARE(view_->sliceIndex(), int64_t{10});
        QVERIFY(cursor_.zoom() > 1.1);
        view_->resetView();
        QCOMPARE(cursor_.zoom(), 1.0);
    }

    // Shift+left drag sets window/level (ITK-SNAP and Slicer users' right-drag zooms).
    void shiftDragChangesWindowLevel() {
        window_.setValue({400, 50});
        cursor_.setVoxel({20, 15, 10});
        const VoxelIndex before = cursor_.voxel();
        const QPoint start(200, 150);
        QTest::mousePress(view_.get(), Qt::LeftButton, Qt::ShiftModifier, start);
        QMouseEvent move(QEvent::MouseMove, QPointF(start + QPoint(40, 20)),
                         view_->mapToGlobal(QPointF(start + QPoint(40, 20))), Qt::NoButton,
                         Qt::LeftButton, Qt::ShiftModifier);
        QApplication::sendEvent(view_.get(), &move);
        QTest::mouseRelease(view_.get(), Qt::LeftButton, Qt::ShiftModifier, start + QPoint(40, 20));
        QCOMPARE(cursor_.voxel(), before);  // the cursor stays where it was
        QVERIFY(window_.value().window > 400);
        QVERIFY(window_.value().level > 50);
        // The view repainted with the new window: grey of the 40 HU background changed.
        window_.setValue({100, 40});
        const QPoint outside = view_->widgetPosition({30, 25, view_->sliceIndex()}).toPoint();
        QCOMPARE(QColor(view_->grab().toImage().pixel(outside)).red(), 128);
    }

    // Right drag up zooms in about the point pressed: the voxel under it stays under it.
    void rightDragZoomsAboutThePointer() {
        view_->resetView();
        const QPoint start = view_->widgetPosition({10, 8, view_->sliceIndex()}).toPoint();
        VoxelIndex under{0, 0, 0};
        QVERIFY(view_->voxelAtPosition(start, under));
        const WindowLevel level = window_.value();
        QTest::mousePress(view_.get(), Qt::RightButton, Qt::NoModifier, start);
        for (int step = 1; step <= 4; ++step) {
            const QPointF at(start + QPoint(0, -20 * step));
            QMouseEvent move(QEvent::MouseMove, at, view_->mapToGlobal(at), Qt::NoButton,
                             Qt::RightButton, Qt::NoModifier);
            QApplication::sendEvent(view_.get(), &move);
        }
        QTest::mouseRelease(view_.get(), Qt::RightButton, Qt::NoModifier, start + QPoint(0, -80));
        QVERIFY2(cursor_.zoom() > 2.0, qPrintable(QString::number(cursor_.zoom())));
        VoxelIndex after{0, 0, 0};
        QVERIFY(view_->voxelAtPosition(start, after));
        QCOMPARE(after, under);
        QCOMPARE(window_.value().window, level.window);  // no window/level change
        view_->resetView();
    }

    void aspectFollowsTheSpacing() {
        // Coronal: x (1 mm) across, z (2.5 mm) up; a voxel step in z is 2.5 times as tall.
        SliceView coronal(SliceOrientation::Coronal, &cursor_, &window_, &overlay_);
        coronal.resize(300, 300);
        coronal.setImage(&image_);
        const QPointF a = coronal.widgetPosition({10, 15, 5});
        const QPointF right = coronal.widgetPosition({11, 15, 5});
        const QPointF up = coronal.widgetPosition({10, 15, 6});
        const double dx = std::abs(right.x() - a.x());
        const double dz = std::abs(up.y() - a.y());
        QVERIFY(dx > 0.5);
        QVERIFY(std::abs(dz / dx - 2.5) < 1e-6);
        QVERIFY(up.y() < a.y());  // superior is up
        // x is flipped in this scan: voxel x+1 (towards the patient's right) is drawn further left.
        QVERIFY(right.x() < a.x());
        coronal.setImage(nullptr);
    }

    void editModeReportsVoxels() {
        view_->setInteractionMode(SliceView::InteractionMode::Edit);
        cursor_.setVoxel({20, 15, 10});
        QSignalSpy pressed(view_.get(), &SliceView::voxelPressed);
        QSignalSpy released(view_.get(), &SliceView::voxelReleased);
        const QPoint target = view_->widgetPosition({12, 3, 10}).toPoint();
        QTest::mouseClick(view_.get(), Qt::LeftButton, Qt::ShiftModifier, target);
        QCOMPARE(pressed.count(), 1);
        QCOMPARE(pressed[0][0].toInt(), 12);
        QCOMPARE(pressed[0][1].toInt(), 3);
        QCOMPARE(pressed[0][2].toInt(), 10);
        QCOMPARE(pressed[0][3].value<Qt::MouseButtons>(), Qt::MouseButtons(Qt::LeftButton));
        QCOMPARE(pressed[0][4].value<Qt::KeyboardModifiers>(),
                 Qt::KeyboardModifiers(Qt::ShiftModifier));
        QCOMPARE(released.count(), 1);
        // In edit mode a click does not move the cursor.
        QCOMPARE(cursor_.voxel(), (VoxelIndex{20, 15, 10}));

        // A tool writes labels and tells the view which region changed.
        labels_.at(12, 3, 10) = 1;
        VoxelBox box;
        box.lo = {12, 3, 10};
        box.hi = {12, 3, 10};
        view_->labelsChanged(box);
        QCOMPARE(QColor(view_->grab().toImage().pixel(target)), QColor(145, 30, 180));
        view_->setBrushRadius(5.0);
        view_->setInteractionMode(SliceView::InteractionMode::Navigate);
    }
};

QTEST_MAIN(TestSliceView)
#include "test_slice_view.moc"
