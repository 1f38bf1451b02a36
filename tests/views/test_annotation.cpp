// The annotation tools driven as a user drives them: real mouse events on a
// slice view in edit mode, Ctrl+Z / Ctrl+Shift+Z on the window, and the label
// map and grabbed view checked after each step.
#include <QApplication>
#include <QComboBox>
#include <QHBoxLayout>
#include <QListWidget>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <memory>

#include "annotation/AnnotationController.h"
#include "annotation/AnnotationPanel.h"
#include "annotation/AnnotationSettings.h"
#include "common/IntensityWindow.h"
#include "common/SliceCursor.h"
#include "journal/EditJournal.h"
#include "overlay/OverlaySettings.h"
#include "slices/SliceView.h"

using namespace logonet;
using namespace logonet::views;

class TestAnnotation : public QObject {
    Q_OBJECT
  private:
    ImageVolume image_;
    LabelVolume labels_;
    SliceCursor cursor_;
    IntensityWindow window_;
    OverlaySettings overlay_;
    AnnotationSettings settings_;
    std::unique_ptr<AnnotationController> controller_;
    std::unique_ptr<QWidget> host_;
    SliceView* view_ = nullptr;
    AnnotationPanel* panel_ = nullptr;

    QPoint at(int64_t i, int64_t j) const {
        return view_->widgetPosition({i, j, view_->sliceIndex()}).toPoint();
    }
    void drag(Qt::MouseButton button, const std::vector<QPoint>& points) {
        QTest::mousePress(view_, button, Qt::NoModifier, points.front());
        for (size_t n = 1; n < points.size(); ++n) {
            QMouseEvent move(QEvent::MouseMove, QPointF(points[n]),
                             view_->mapToGlobal(QPointF(points[n])), Qt::NoButton, button,
                             Qt::NoModifier);
            QApplication::sendEvent(view_, &move);
        }
        QTest::mouseRelease(view_, button, Qt::NoModifier, points.back());
    }
    QColor shown(int64_t i, int64_t j) const {
        return QColor(view_->grab().toImage().pixel(at(i, j)));
    }
    int64_t countValue(LabelValue value) const {
        return std::count(labels_.voxels().begin(), labels_.voxels().end(), value);
    }
    static bool grey(const QColor& colour) {
        return colour.red() == colour.green() && colour.green() == colour.blue();
    }

  private Q_SLOTS:
    void initTestCase() {
        ImageGeometry g;
        g.size = {40, 30, 12};
        g.spacing = {1.0, 1.0, 2.0};
        image_ = ImageVolume(g, 40.0f);
        for (int64_t k = 0; k < 12; ++k) {
            for (int64_t j = 0; j < 30; ++j) {
                for (int64_t i = 30; i < 40; ++i) {
                    image_.at(i, j, k) = 500.0f;  // a bright band on the right
                }
            }
        }
        labels_ = LabelVolume(g);
        overlay_.setLabelSet(LabelSet::btcv());
        overlay_.setOpacity(1.0);
        window_.setValue({400, 50});
        cursor_.setGeometry(g);
        cursor_.setVoxel({20, 15, 6});

        controller_ = std::make_unique<AnnotationController>(&settings_);
        host_ = std::make_unique<QWidget>();
        auto* layout = new QHBoxLayout(host_.get());
        view_ = new SliceView(SliceOrientation::Axial, &cursor_, &window_, &overlay_, host_.get());
        view_->setMinimumSize(400, 300);
        panel_ = new AnnotationPanel(&settings_, controller_.get(), host_.get());
        panel_->setLabelSet(LabelSet::btcv());
        layout->addWidget(view_, 1);
        layout->addWidget(panel_);
        view_->setImage(&image_);
        view_->setLabels(&labels_);
        controller_->setVolumes(&labels_, &image_);
        controller_->attachView(view_);
        controller_->setEditing(true);
        host_->resize(900, 500);
        host_->show();
        QVERIFY(QTest::qWaitForWindowExposed(host_.get()));
        host_->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(host_.get()));
    }

    void paintUndoRedoWithMouseAndKeys() {
        BrushOptions brush;
        brush.radius = 1.0;
        brush.extent = BrushOptions::Extent::Slice;
        settings_.setBrush(brush);
        QTest::keyClick(host_.get(), Qt::Key_E);
        QCOMPARE(settings_.tool(), AnnotationSettings::Tool::Eraser);
        QTest::keyClick(host_.get(), Qt::Key_B);
        QCOMPARE(settings_.tool(), AnnotationSettings::Tool::Brush);
        settings_.setActiveLabel(6);  // liver
        QVERIFY(grey(shown(12, 10)));

        // One drag from (5, 10) to (25, 10), reported as only three mouse
        // positions.
        drag(Qt::LeftButton, {at(5, 10), at(14, 10), at(25, 10)});
        for (int64_t i = 5; i <= 25; ++i) {
            QCOMPARE(labels_.at(i, 10, 6),
                     LabelValue(6));  // no gaps between the events
            QCOMPARE(labels_.at(i, 9, 6),
                     LabelValue(6));  // a radius-1 disc is 3 voxels high
        }
        QCOMPARE(labels_.at(5, 10, 5), LabelValue(0));  // 2D brush: this slice only
        QCOMPARE(labels_.at(27, 10, 6), LabelValue(0));
        QCOMPARE(controller_->history().size(), size_t(1));
        QCOMPARE(panel_->historyList()->count(), 1);
        QCOMPARE(panel_->historyList()->item(0)->text(), QString("Brush stroke (liver)"));
        const QColor painted = shown(12, 10);
        QVERIFY(!grey(painted));
        const std::vector<LabelValue> afterStroke = labels_.voxels();

        QTest::keyClick(host_.get(), Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(std::all_of(labels_.voxels().begin(), labels_.voxels().end(),
                            [](LabelValue v) { return v == 0; }));
        QVERIFY(grey(shown(12, 10)));

        QTest::keyClick(host_.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(labels_.voxels() == afterStroke);
        QCOMPARE(shown(12, 10), painted);
    }

    void rightButtonErasesAndCtrlClickPicksTheLabel() {
        settings_.setActiveLabel(1);
        QTest::mouseClick(view_, Qt::LeftButton, Qt::ControlModifier, at(12, 10));
        QCOMPARE(settings_.activeLabel(), LabelValue(6));
        QCOMPARE(panel_->activeLabelBox()->currentData().toInt(), 6);
        drag(Qt::RightButton, {at(12, 10), at(12, 10)});
        QCOMPARE(labels_.at(12, 10, 6), LabelValue(0));
        QCOMPARE(labels_.at(13, 10, 6), LabelValue(0));
        QCOMPARE(labels_.at(14, 10, 6), LabelValue(6));
        QCOMPARE(panel_->historyList()->item(1)->text(), QString("Eraser stroke (liver)"));
        QTest::keyClick(host_.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(labels_.at(12, 10, 6), LabelValue(6));
    }

    void intensityLimitedFillAndLasso() {
        // Fill with "background only" stops at the painted stroke; intensity limits
        // keep the bright band out.
        settings_.setRule(DrawOverRule::backgroundOnly().withIntensityRange(0, 100));
        settings_.setFill(false, -1.0);
        settings_.setActiveLabel(2);
        QTest::keyClick(host_.get(), Qt::Key_F);
        QCOMPARE(settings_.tool(), AnnotationSettings::Tool::Fill);
        QTest::mouseClick(view_, Qt::LeftButton, Qt::NoModifier, at(3, 3));
        QCOMPARE(labels_.at(3, 3, 6), LabelValue(2));
        QCOMPARE(labels_.at(29, 0, 6), LabelValue(2));
        QCOMPARE(labels_.at(30, 0, 6), LabelValue(0));  // bright: outside the range
        QCOMPARE(labels_.at(12, 10, 6), LabelValue(6));
        QCOMPARE(labels_.at(3, 3, 7), LabelValue(0));
        QTest::keyClick(host_.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(labels_.at(3, 3, 6), LabelValue(0));

        settings_.setRule(DrawOverRule::everything());
        QTest::keyClick(host_.get(), Qt::Key_P);
        QCOMPARE(settings_.tool(), AnnotationSettings::Tool::Polygon);
        drag(Qt::LeftButton, {at(2, 20), at(8, 20), at(8, 26), at(2, 26)});
        QCOMPARE(labels_.at(5, 23, 6), LabelValue(2));
        QCOMPARE(labels_.at(1, 23, 6), LabelValue(0));
        QCOMPARE(labels_.at(9, 23, 6), LabelValue(0));
        QVERIFY(!grey(shown(5, 23)));

        // Vertex by vertex, closed with the right button, erasing its inside.
        settings_.setPolygonErases(true);
        for (const QPoint& corner : {at(4, 21), at(7, 21), at(7, 25)}) {
            QTest::mouseClick(view_, Qt::LeftButton, Qt::NoModifier, corner);
        }
        QCOMPARE(labels_.at(6, 22, 6), LabelValue(2));  // nothing happens before it is closed
        QTest::mouseClick(view_, Qt::RightButton, Qt::NoModifier, at(7, 25));
        QCOMPARE(labels_.at(6, 22, 6), LabelValue(0));
        QCOMPARE(labels_.at(3, 22, 6), LabelValue(2));
        QCOMPARE(
            panel_->historyList()->item(panel_->historyList()->count() - 1)->text(),
            QString("Polygon erase (%1)").arg(QString::fromStdString(LabelSet::btcv().nameOf(2))));
        settings_.setPolygonErases(false);
    }

    void labelCommandsAreUndoable() {
        // Label 4 painted on slices 2 and 8, interpolated between them.
        settings_.setTool(AnnotationSettings::Tool::Brush);
        settings_.setRule(DrawOverRule::everything());
        BrushOptions brush;
        brush.radius = 3.0;
        brush.extent = BrushOptions::Extent::Slice;
        settings_.setBrush(brush);
        settings_.setActiveLabel(4);
        for (int64_t k : {2, 8}) {
            cursor_.setVoxel({20, 15, k});
            QCOMPARE(view_->sliceIndex(), k);
            drag(Qt::LeftButton, {at(33, 5), at(34, 5)});
        }
        cursor_.setVoxel({20, 15, 6});
        const std::vector<LabelValue> drawn = labels_.voxels();
        controller_->interpolate(2);
        QVERIFY(controller_->hasPreview());
        QCOMPARE(labels_.at(33, 5, 5), LabelValue(4));
        QVERIFY(!grey(shown(33, 5)));
        controller_->discardPreview();
        QVERIFY(labels_.voxels() == drawn);
        QVERIFY(grey(shown(33, 5)));
        controller_->interpolate(2);
        controller_->acceptPreview();
        QCOMPARE(labels_.at(33, 5, 4), LabelValue(4));
        const size_t steps = controller_->history().appliedCount();

        const int64_t fours = countValue(4);
        controller_->mergeActiveLabelInto(5);
        QCOMPARE(countValue(4), int64_t(0));
        QCOMPARE(countValue(5), fours);
        QCOMPARE(controller_->history().appliedCount(), steps + 1);
        QTest::keyClick(host_.get(), Qt::Key_Z, Qt::ControlModifier);
        QTest::keyClick(host_.get(), Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(labels_.voxels() == drawn);
    }

    void journalKeepsWhatWasPainted() {
        QTemporaryDir folder;
        const QString path = folder.filePath("labels/journal/scan-1.journal");
        controller_->setJournal(path);
        const std::vector<LabelValue> before = labels_.voxels();
        settings_.setTool(AnnotationSettings::Tool::Brush);
        settings_.setActiveLabel(3);
        drag(Qt::LeftButton, {at(20, 25), at(30, 25)});
        QTest::keyClick(host_.get(), Qt::Key_Z, Qt::ControlModifier);
        QTest::keyClick(host_.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        LabelVolume restored(labels_.geometry(), before);
        const EditJournal::Contents contents = EditJournal::replay(path.toStdString(), restored);
        QCOMPARE(contents.entries.size(), size_t(3));  // stroke, undo, redo
        QVERIFY(restored.voxels() == labels_.voxels());
        controller_->setJournal(QString());

        // A restart: the saved labels come back and the journal restores the session's steps.
        const std::vector<LabelValue> painted = labels_.voxels();
        labels_.voxels() = before;
        controller_->setVolumes(&labels_, &image_);
        QCOMPARE(controller_->recoverFromJournal(path), 3);
        QVERIFY(labels_.voxels() == painted);
        QVERIFY(!grey(shown(25, 25)));
        controller_->labelsSaved();
        QCOMPARE(EditJournal::read(path.toStdString(), labels_.size()).entries.size(), size_t(0));
        controller_->setJournal(QString());
    }

    void intensityRangeIsShownOnTheView() {
        settings_.setTool(AnnotationSettings::Tool::Brush);
        settings_.setRule(DrawOverRule::everything().withIntensityRange(300, 800));
        QVERIFY(view_->intensityRangeHintShown());
        labels_.at(38, 28, view_->sliceIndex()) = 0;
        labels_.at(2, 28, view_->sliceIndex()) = 0;
        view_->labelsChangedEverywhere();
        // The bright band (500) is in range and tinted; the dark background (40) is not.
        QTRY_VERIFY(!grey(shown(38, 28)));
        QVERIFY(grey(shown(2, 28)));
        settings_.setRule(DrawOverRule::everything());
        QVERIFY(!view_->intensityRangeHintShown());
        QTRY_VERIFY(grey(shown(38, 28)));
    }

    void cleanupTestCase() {
        host_.reset();
        controller_.reset();
    }
};

QTEST_MAIN(TestAnnotation)
#include "test_annotation.moc"
