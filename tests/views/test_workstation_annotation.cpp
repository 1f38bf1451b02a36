// The annotation tools as mounted in the main window, on a small demo project: the "Edit labels"
// toggle, painting with real mouse events, Ctrl+Z / Ctrl+Shift+Z, Ctrl+S storing a version the
// project returns voxel for voxel, crash recovery from the journal when the scan is reopened, and
// "Correct this prediction".
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QMouseEvent>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include "annotation/AnnotationController.h"
#include "annotation/AnnotationSettings.h"
#include "annotation/LabelSetEditor.h"
#include "browser/ScanBrowser.h"
#include "browser/ScanTableModel.h"
#include "journal/EditJournal.h"
#include "mainwindow/DemoProject.h"
#include "mainwindow/MainWindow.h"
#include "overlay/OverlaySettings.h"
#include "project/Project.h"
#include "render3d/VolumeView3D.h"
#include "slices/SliceView.h"
#include "versions/LabelVersionSelector.h"

using namespace logonet;
using namespace logonet::views;

class TestWorkstationAnnotation : public QObject {
    Q_OBJECT
  private:
    QTemporaryDir dir_;
    QString projectDir_;
    std::unique_ptr<MainWindow> window_;
    int64_t firstScan_ = 0;
    int64_t groundTruth_ = 0;
    int64_t prediction_ = 0;
    int64_t unlabeledScan_ = 0;

    SliceView* axial() const { return window_->sliceView(SliceOrientation::Axial); }
    QPoint at(int64_t i, int64_t j) const {
        return axial()->widgetPosition({i, j, axial()->sliceIndex()}).toPoint();
    }
    void drag(const std::vector<QPoint>& points) {
        SliceView* view = axial();
        QTest::mousePress(view, Qt::LeftButton, Qt::NoModifier, points.front());
        for (size_t n = 1; n < points.size(); ++n) {
            QMouseEvent move(QEvent::MouseMove, QPointF(points[n]),
                             view->mapToGlobal(QPointF(points[n])), Qt::NoButton, Qt::LeftButton,
                             Qt::NoModifier);
            QApplication::sendEvent(view, &move);
        }
        QTest::mouseRelease(view, Qt::LeftButton, Qt::NoModifier, points.back());
    }
    LabelValue label(int64_t i, int64_t j) const {
        return window_->labels()->at(i, j, axial()->sliceIndex());
    }
    void startWindow() {
        window_ = std::make_unique<MainWindow>();
        window_->setQuietErrors(true);
        window_->resize(1400, 900);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        window_->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window_.get()));
        QVERIFY(window_->openProject(projectDir_));
    }
    void useSmallBrush(LabelValue active) {
        auto* settings = window_->findChild<AnnotationSettings*>();
        QVERIFY(settings != nullptr);
        BrushOptions brush;
        brush.radius = 1.0;
        brush.extent = BrushOptions::Extent::Slice;
        settings->setBrush(brush);
        settings->setTool(AnnotationSettings::Tool::Brush);
        settings->setActiveLabel(active);
    }
    // The stored voxels of `versionId`, read through a second (shared) handle on the project.
    LabelVolume storedLabels(int64_t versionId) const {
        const Project project = Project::open(projectDir_.toStdString(), Project::Access::Shared);
        return project.loadLabels(versionId);
    }
    LabelVersionRecord storedVersion(int64_t versionId) const {
        const Project project = Project::open(projectDir_.toStdString(), Project::Access::Shared);
        return project.labelVersion(versionId);
    }

  private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(dir_.isValid());
        projectDir_ = dir_.filePath("demo");
        DemoProjectOptions options;
        options.cases = 3;
        options.size = {48, 48, 32};
        createDemoProject(projectDir_.toStdString(), options);
        {
            // A run's prediction of the first scan: its ground truth with a corner cleared.
            Project project = Project::open(projectDir_.toStdString());
            const auto scans = project.scans();
            firstScan_ = scans.front().id;
            unlabeledScan_ = scans[1].id;
            QVERIFY(!project.currentLabels(unlabeledScan_));
            const auto truth = project.currentLabels(firstScan_);
            QVERIFY(truth);
            groundTruth_ = truth->id;
            LabelVolume predicted = project.loadLabels(groundTruth_);
            for (int64_t k = 0; k < 32; ++k) {
                for (int64_t j = 0; j < 24; ++j) {
                    for (int64_t i = 0; i < 24; ++i) {
                        predicted.at(i, j, k) = 0;
                    }
                }
            }
            prediction_ = project.addLabelVersion(firstScan_, "prediction", predicted, "run-a").id;
        }
        VolumeView3D::prepareSurfaceFormat();
        startWindow();
    }

    void editToggleSwitchesTheViews() {
        QVERIFY(window_->showScan(firstScan_));
        QCOMPARE(window_->currentVersion(), std::optional<qint64>(groundTruth_));
        QCOMPARE(window_->versionSelector()->box()->count(), 2);
        QVERIFY(window_->editAction()->isEnabled());
        QCOMPARE(axial()->interactionMode(), SliceView::InteractionMode::Navigate);
        QTest::keyClick(window_.get(), Qt::Key_L, Qt::ControlModifier);
        QVERIFY(window_->editAction()->isChecked());
        for (auto o :
             {SliceOrientation::Axial, SliceOrientation::Coronal, SliceOrientation::Sagittal}) {
            QCOMPARE(window_->sliceView(o)->interactionMode(), SliceView::InteractionMode::Edit);
        }
        QTest::keyClick(window_.get(), Qt::Key_L, Qt::ControlModifier);
        QCOMPARE(axial()->interactionMode(), SliceView::InteractionMode::Navigate);
        window_->editAction()->trigger();
        QCOMPARE(axial()->interactionMode(), SliceView::InteractionMode::Edit);
    }

    void paintUndoRedoAndSaveAVersion() {
        useSmallBrush(3);
        const std::vector<LabelValue> before = window_->labels()->voxels();
        const QRgb shownBefore = axial()->grab().toImage().pixel(at(12, 5));
        drag({at(4, 5), at(12, 5), at(20, 5)});
        QApplication::processEvents();
        const QRgb shownPainted = axial()->grab().toImage().pixel(at(12, 5));
        QVERIFY(shownPainted != shownBefore);
        for (int64_t i = 4; i <= 20; ++i) {
            QCOMPARE(label(i, 5), LabelValue(3));
        }
        QVERIFY(window_->hasUnsavedEdits());
        QCOMPARE(window_->annotation()->history().size(), size_t(1));
        const std::vector<LabelValue> painted = window_->labels()->voxels();
        QVERIFY(painted != before);

        QTest::keyClick(window_.get(), Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(window_->labels()->voxels() == before);
        QCOMPARE(axial()->grab().toImage().pixel(at(12, 5)), shownBefore);
        QTest::keyClick(window_.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(window_->labels()->voxels() == painted);
        QCOMPARE(axial()->grab().toImage().pixel(at(12, 5)), shownPainted);

        QTest::keyClick(window_.get(), Qt::Key_S, Qt::ControlModifier);
        QVERIFY2(window_->lastError().isEmpty(), qPrintable(window_->lastError()));
        QVERIFY(!window_->hasUnsavedEdits());
        const auto saved = window_->currentVersion();
        QVERIFY(saved && *saved != groundTruth_ && *saved != prediction_);
        const LabelVersionRecord record = storedVersion(*saved);
        QCOMPARE(record.kind, std::string("correction"));
        QCOMPARE(record.parentVersionId, std::optional<int64_t>(groundTruth_));
        QVERIFY(storedLabels(*saved).voxels() == painted);
        QVERIFY(storedLabels(groundTruth_).voxels() == before);  // versions are never overwritten
        QCOMPARE(window_->versionSelector()->box()->count(), 3);
        QCOMPARE(window_->versionSelector()->selected()->id, *saved);
        // Saved: the journal holds nothing to restore.
        const QString journal = QString::fromStdString(EditJournal::pathFor(
            projectDir_.toStdString(), std::to_string(firstScan_), std::to_string(groundTruth_)));
        QVERIFY(QFileInfo(journal).size() <= 48);
    }

    void strokesComeBackAfterACrash() {
        const auto version = window_->currentVersion();
        drag({at(4, 8), at(20, 8)});
        drag({at(4, 11), at(20, 11)});
        QCOMPARE(label(10, 8), LabelValue(3));
        const std::vector<LabelValue> edited = window_->labels()->voxels();
        // Nothing saved: the window goes away as a crashed one would, leaving only the journal.
        window_.reset();
        QVERIFY(storedLabels(*version).voxels() != edited);
        startWindow();
        QVERIFY(window_->showScan(firstScan_));
        QCOMPARE(window_->currentVersion(), version);
        QVERIFY(window_->hasUnsavedEdits());
        QVERIFY(window_->labels()->voxels() == edited);
        QVERIFY(window_->lastError().isEmpty());
        QVERIFY(window_->saveLabels());
        QVERIFY(storedLabels(*window_->currentVersion()).voxels() == edited);
    }

    void correctThisPrediction() {
        LabelVersionSelector* selector = window_->versionSelector();
        const int index = selector->box()->findData(QVariant::fromValue<qint64>(prediction_));
        QVERIFY(index >= 0);
        selector->box()->setCurrentIndex(index);
        QVERIFY(window_->selectLabelVersion(prediction_));
        QCOMPARE(window_->currentVersion(), std::optional<qint64>(prediction_));
        // A prediction is read-only.
        QVERIFY(!window_->editAction()->isEnabled());
        QCOMPARE(axial()->interactionMode(), SliceView::InteractionMode::Navigate);
        QVERIFY(selector->correctButton()->isEnabled());
        const std::vector<LabelValue> predicted = storedLabels(prediction_).voxels();
        QVERIFY(window_->labels()->voxels() == predicted);

        QTest::mouseClick(selector->correctButton(), Qt::LeftButton);
        const auto correction = window_->currentVersion();
        QVERIFY(correction && *correction != prediction_);
        const LabelVersionRecord record = storedVersion(*correction);
        QCOMPARE(record.kind, std::string("correction"));
        QCOMPARE(record.parentVersionId, std::optional<int64_t>(prediction_));
        QVERIFY(storedLabels(*correction).voxels() == predicted);
        QVERIFY(window_->editAction()->isChecked());
        QCOMPARE(axial()->interactionMode(), SliceView::InteractionMode::Edit);
        QVERIFY(!selector->correctButton()->isEnabled());
    }

    void firstLabelsOfAnUnlabeledScanAreGroundTruth() {
        QVERIFY(window_->showScan(unlabeledScan_));
        QVERIFY(window_->labels() == nullptr);
        QVERIFY(!window_->currentVersion());
        QVERIFY(window_->editAction()->isEnabled());
        window_->editAction()->setChecked(false);
        window_->editAction()->trigger();
        QVERIFY(window_->labels() != nullptr);
        QCOMPARE(axial()->interactionMode(), SliceView::InteractionMode::Edit);
        useSmallBrush(6);
        drag({at(10, 20), at(30, 20)});
        QCOMPARE(label(20, 20), LabelValue(6));
        const std::vector<LabelValue> painted = window_->labels()->voxels();
        QTest::keyClick(window_.get(), Qt::Key_S, Qt::ControlModifier);
        const auto saved = window_->currentVersion();
        QVERIFY2(saved, qPrintable(window_->lastError()));
        QCOMPARE(storedVersion(*saved).kind, std::string("ground-truth"));
        QVERIFY(storedLabels(*saved).voxels() == painted);
    }

    void labelSetEditorAddsRenamesRecoloursDeletes() {
        const LabelSet original =
            Project::open(projectDir_.toStdString(), Project::Access::Shared).labelSet();
        QVERIFY(original.contains(1) && original.contains(13));
        LabelSetEditor editor(original);
        QCOMPARE(editor.table()->rowCount(), static_cast<int>(original.size()));
        const int added = editor.addLabel();
        QCOMPARE(editor.table()->item(added, 0)->text(), QString::number(original.maxValue() + 1));
        editor.table()->item(added, 1)->setText("tumour");
        editor.setColour(added, QColor(10, 20, 30));
        editor.table()->item(0, 1)->setText("lien");
        editor.deleteRow(static_cast<int>(original.size()) - 1);  // value 13
        QVERIFY(editor.problem().isEmpty());
        editor.table()->item(1, 1)->setText("Tumour");
        QVERIFY(editor.problem().contains("tumour", Qt::CaseInsensitive));  // unique in any case
        editor.table()->item(1, 1)->setText(QString::fromStdString(original.nameOf(2)));

        QVERIFY2(window_->applyLabelSet(editor.labelSet()), qPrintable(window_->lastError()));
        const LabelSet stored =
            Project::open(projectDir_.toStdString(), Project::Access::Shared).labelSet();
        const LabelValue tumour = original.maxValue() + 1;
        QCOMPARE(stored.nameOf(tumour), std::string("tumour"));
        QCOMPARE(stored.find(tumour)->colour, (std::array<unsigned char, 3>{10, 20, 30}));
        QCOMPARE(stored.nameOf(1), std::string("lien"));
        QVERIFY(!stored.contains(13));
        QCOMPARE(stored.size(), original.size());
        QVERIFY(window_->overlaySettings()->labelSet().contains(tumour));
    }

    // Label files as ITK-SNAP and 3D Slicer write them, written here by hand (not by the code
    // under test), and read back as text after export.
    void labelSetEditorImportsAndExportsItkSnapAndSlicerFiles() {
        QTemporaryDir dir;
        const QString itkSnap = dir.filePath(QStringLiteral("labels.txt"));
        {
            QFile file(itkSnap);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Text));
            file.write(
                "# ITK-SnAP Label Description File\n"
                "    0     0    0    0        0  0  0    \"Clear Label\"\n"
                "    1   255    0    0        1  1  1    \"Liver\"\n"
                "    5     0  128  255        1  1  0    \"Left kidney\"\n");
        }
        LabelSetEditor editor(LabelSet::btcv());
        QVERIFY2(editor.importFile(itkSnap).isEmpty(), qPrintable(editor.importFile(itkSnap)));
        const LabelSet imported = editor.labelSet();
        QCOMPARE(imported.size(), size_t{2});
        QCOMPARE(imported.nameOf(5), std::string("Left kidney"));
        QCOMPARE(imported.find(5)->colour, (std::array<unsigned char, 3>{0, 128, 255}));

        const QString slicer = dir.filePath(QStringLiteral("labels.ctbl"));
        QVERIFY(editor.exportFile(slicer).isEmpty());
        QFile slicerFile(slicer);
        QVERIFY(slicerFile.open(QIODevice::ReadOnly | QIODevice::Text));
        const QString slicerText = QString::fromUtf8(slicerFile.readAll());
        QVERIFY2(slicerText.contains(QRegularExpression(
                     QStringLiteral("(^|\\n)5 Left_kidney 0 128 255 255(\\n|$)"))),
                 qPrintable(slicerText));
        const QString again = dir.filePath(QStringLiteral("again.txt"));
        QVERIFY(editor.exportFile(again).isEmpty());
        QFile againFile(again);
        QVERIFY(againFile.open(QIODevice::ReadOnly | QIODevice::Text));
        QVERIFY(QString::fromUtf8(againFile.readAll())
                    .contains(QRegularExpression(
                        QStringLiteral("\\s5\\s+0\\s+128\\s+255\\s.*\"Left kidney\""))));

        // A Slicer table imports too, and a malformed file is refused naming it, rows unchanged.
        LabelSetEditor fromSlicer(LabelSet::btcv());
        QVERIFY(fromSlicer.importFile(slicer).isEmpty());
        QCOMPARE(fromSlicer.labelSet().nameOf(5), std::string("Left kidney"));
        const QString broken = dir.filePath(QStringLiteral("broken.txt"));
        {
            QFile file(broken);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Text));
            file.write("1 255 0\n");
        }
        const QString problem = fromSlicer.importFile(broken);
        QVERIFY2(problem.contains(QStringLiteral("broken.txt")), qPrintable(problem));
        QCOMPARE(fromSlicer.labelSet().size(), size_t{2});
    }

    void cleanupTestCase() { window_.reset(); }
};

QTEST_MAIN(TestWorkstationAnnotation)
#include "test_workstation_annotation.moc"
