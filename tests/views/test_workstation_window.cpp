// Clicks through the real main window on a small demo project: browser, linked slice views,
// window/level, overlay toggle, the 3D view's surfaces and the mask export.
#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <csignal>
#include <map>

#include "StepPermit.h"
#include "browser/ScanBrowser.h"
#include "common/IntensityWindow.h"
#include "common/SliceCursor.h"
#include "io/ImageReader.h"
#include "mainwindow/DemoProject.h"
#include "mainwindow/MainWindow.h"
#include "overlay/LabelOverlayPanel.h"
#include "overlay/OverlaySettings.h"
#include "project/Project.h"
#include "render3d/MeshBuildTask.h"
#include "render3d/VolumeView3D.h"
#include "runs/DetachedRun.h"
#include "runs/RunHistory.h"
#include "runs/RunProcessRecord.h"
#include "runs/RunRequest.h"
#include "runs/RunsPanel.h"
#include "slices/SliceView.h"

using namespace logonet;
using namespace logonet::views;

namespace {

// The label voxel nearest to the centroid of `value`: a voxel well inside the organ.
VoxelIndex voxelInside(const LabelVolume& labels, LabelValue value) {
    double sum[3] = {0, 0, 0};
    int64_t count = 0;
    const Size3& s = labels.size();
    for (int64_t k = 0; k < s[2]; ++k) {
        for (int64_t j = 0; j < s[1]; ++j) {
            for (int64_t i = 0; i < s[0]; ++i) {
                if (labels.at(i, j, k) == value) {
                    sum[0] += i;
                    sum[1] += j;
                    sum[2] += k;
                    ++count;
                }
            }
        }
    }
    VoxelIndex best{-1, -1, -1};
    double bestDistance = 1e30;
    for (int64_t k = 0; k < s[2]; ++k) {
        for (int64_t j = 0; j < s[1]; ++j) {
            for (int64_t i = 0; i < s[0]; ++i) {
                if (labels.at(i, j, k) != value) {
                    continue;
                }
                const double d = std::pow(i - sum[0] / count, 2) + std::pow(j - sum[1] / count, 2) +
                                 std::pow(k - sum[2] / count, 2);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = {i, j, k};
                }
            }
        }
    }
    return best;
}

std::map<LabelValue, int64_t> countLabels(const LabelVolume& labels) {
    std::map<LabelValue, int64_t> counts;
    for (LabelValue v : labels.voxels()) {
        ++counts[v];
    }
    return counts;
}

// Clicks `button` of the next message box, as a user would, and keeps its text in `asked`.
// Gives up after ten seconds so that a box that never comes fails the test instead of hanging it.
void answerNextQuestion(const QString& button, QStringList* asked) {
    auto* timer = new QTimer;
    auto waited = std::make_shared<int>(0);
    QObject::connect(timer, &QTimer::timeout, [timer, waited, button, asked] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        for (QAbstractButton* candidate : box ? box->buttons() : QList<QAbstractButton*>()) {
            if (candidate->text().remove(QLatin1Char('&')) == button) {
                asked->append(box->text());
                // Stopped at once: its deletion waits for the outer event loop, and the next
                // question's loop runs before that.
                timer->stop();
                timer->deleteLater();
                candidate->click();
                return;
            }
        }
        if ((*waited += timer->interval()) > 10000) {
            timer->stop();
            timer->deleteLater();
        }
    });
    timer->start(50);
}

// Kills the fake run a failed test left behind, so it does not outlive the test program.
struct LeftoverStop {
    QString folder;
    ~LeftoverStop() {
        const RunProcessRecord record = RunProcessRecord::read(folder);
        if (record.isActive() && record.enginePid() > 0) {
            ::kill(static_cast<pid_t>(record.enginePid()), SIGKILL);
        }
    }
};

}  // namespace

class TestWorkstationWindow : public QObject {
    Q_OBJECT
  private:
    QTemporaryDir dir_;
    QString projectDir_;
    std::unique_ptr<MainWindow> window_;

  private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);  // recent projects go to a test location
        QVERIFY(dir_.isValid());
        projectDir_ = dir_.filePath("demo");
        DemoProjectOptions options;
        options.cases = 3;
        options.size = {64, 64, 48};
        createDemoProject(projectDir_.toStdString(), options);
        VolumeView3D::prepareSurfaceFormat();
        window_ = std::make_unique<MainWindow>();
        window_->setQuietErrors(true);
        window_->resize(1400, 900);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    }

    void badFolderGivesAClearError() {
        QVERIFY(!window_->openProject(dir_.filePath("nothing-here")));
        QVERIFY2(window_->lastError().contains("nothing-here"), qPrintable(window_->lastError()));
    }

    void opensAndFiltersTheProject() {
        QVERIFY(window_->openProject(projectDir_));
        QVERIFY(window_->openProject(projectDir_));  // again (recent projects menu): no lock error
        ScanBrowser* browser = window_->browser();
        QCOMPARE(browser->visibleRowCount(), 3);
        QTest::keyClicks(browser->filterBox(), "test");
        QCOMPARE(browser->visibleRowCount(), 1);
        browser->filterBox()->clear();
        QCOMPARE(browser->visibleRowCount(), 3);
    }

    void selectingAScanShowsIt() {
        QSignalSpy shown(window_.get(), &MainWindow::scanShown);
        const auto& scans = window_->browser()->model()->scans();
        QVERIFY(scans.front().labeled);
        QVERIFY(window_->browser()->selectScan(scans.front().id));
        QCOMPARE(shown.count(), 1);
        QCOMPARE(window_->image().size(), (Size3{64, 64, 48}));
        QVERIFY(window_->labels() != nullptr);
        // A CT phantom starts with the abdomen window.
        QCOMPARE(window_->intensityWindow()->value(), (WindowLevel{400, 50}));
    }

    void overlayShowsTheLiverAndToggles() {
        const VoxelIndex liver = voxelInside(*window_->labels(), 6);
        QVERIFY(liver[0] >= 0);
        window_->cursor()->setVoxel(liver);
        SliceView* axial = window_->sliceView(SliceOrientation::Axial);
        // A voxel next to the cursor, so the crosshair does not cover it.
        VoxelIndex probe = liver;
        probe[1] += 1;
        QCOMPARE(window_->labels()->at(probe[0], probe[1], probe[2]), LabelValue{6});
        const QPoint at = axial->widgetPosition(probe).toPoint() + QPoint(2, 2);
        QColor on(axial->grab().toImage().pixel(at));
        // Click the check box itself, not the empty space of its row.
        const QPoint indicator(8, window_->overlayPanel()->enabledBox()->height() / 2);
        // Liver colour (128, 0, 0) blended over grey: red clearly above blue.
        QVERIFY2(on.red() - on.blue() > 30, qPrintable(on.name()));
        QTest::mouseClick(window_->overlayPanel()->enabledBox(), Qt::LeftButton, Qt::NoModifier,
                          indicator);
        QVERIFY(!window_->overlaySettings()->enabled());
        QColor off(axial->grab().toImage().pixel(at));
        QCOMPARE(off.red(), off.blue());
        QTest::mouseClick(window_->overlayPanel()->enabledBox(), Qt::LeftButton, Qt::NoModifier,
                          indicator);
        on = QColor(axial->grab().toImage().pixel(at));
        QVERIFY(on.red() - on.blue() > 30);
        // The status bar names the label under the mouse.
        // Sent directly: QTest::mouseMove goes through the X server and may arrive late.
        QMouseEvent hover(QEvent::MouseMove, QPointF(at), axial->mapToGlobal(QPointF(at)),
                          Qt::NoButton, Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(axial, &hover);
        QVERIFY2(window_->readout()->text().contains("liver"),
                 qPrintable(window_->readout()->text()));
    }

    void scrollingMovesTheCrosshairInTheOtherViews() {
        SliceView* axial = window_->sliceView(SliceOrientation::Axial);
        SliceView* coronal = window_->sliceView(SliceOrientation::Coronal);
        const int64_t before = axial->sliceIndex();
        const double yBefore = coronal->widgetPosition(window_->cursor()->voxel()).y();
        axial->setFocus();
        for (int n = 0; n < 5; ++n) {
            QTest::keyClick(axial, Qt::Key_PageUp);
        }
        QCOMPARE(axial->sliceIndex(), before + 5);
        const double yAfter = coronal->widgetPosition(window_->cursor()->voxel()).y();
        // Superior is up in the coronal view: five slices up moves the line up.
        QVERIFY(yAfter < yBefore - 5);
        const QImage shot = coronal->grab().toImage();
        bool found = false;
        for (int dy = -1; dy <= 1 && !found; ++dy) {
            found = QColor(shot.pixel(4, int(yAfter) + dy)) == SliceView::crosshairColour();
        }
        QVERIFY(found);
    }

    void shiftDragChangesWindowInAllViews() {
        SliceView* axial = window_->sliceView(SliceOrientation::Axial);
        SliceView* sagittal = window_->sliceView(SliceOrientation::Sagittal);
        const QImage before = sagittal->grab().toImage();
        const QPoint start(axial->width() / 3, axial->height() / 3);
        QTest::mousePress(axial, Qt::LeftButton, Qt::ShiftModifier, start);
        QMouseEvent move(QEvent::MouseMove, QPointF(start + QPoint(60, -30)),
                         axial->mapToGlobal(QPointF(start + QPoint(60, -30))), Qt::NoButton,
                         Qt::LeftButton, Qt::ShiftModifier);
        QApplication::sendEvent(axial, &move);
        QTest::mouseRelease(axial, Qt::LeftButton, Qt::ShiftModifier, start + QPoint(60, -30));
        const WindowLevel changed = window_->intensityWindow()->value();
        QVERIFY(changed.window > 400);
        QVERIFY(changed.level < 50);
        QVERIFY(sagittal->grab().toImage() != before);
    }

    void volumeViewShowsSurfaces() {
        VolumeView3D* view = window_->volumeView();
        if (view->meshCount() == 0) {
            QSignalSpy ready(window_.get(), &MainWindow::meshesReady);
            QVERIFY(ready.wait(60000));
        }
        QVERIFY(view->meshCount() >= 5);  // spleen, kidneys, liver, stomach, aorta
        const QImage shot = view->grabFramebuffer();
        QVERIFY(!shot.isNull());
        const QRgb corner = shot.pixel(1, 1);
        QSet<QRgb> colours;
        int64_t notBackground = 0;
        for (int y = 0; y < shot.height(); y += 2) {
            for (int x = 0; x < shot.width(); x += 2) {
                const QRgb p = shot.pixel(x, y);
                colours.insert(p);
                // The gradient background varies by row only: compare with the row's edge.
                if (qAbs(qRed(p) - qRed(shot.pixel(1, y))) > 24) {
                    ++notBackground;
                }
            }
        }
        QVERIFY2(colours.size() > 50, qPrintable(QString::number(colours.size())));
        QVERIFY(notBackground > (shot.width() / 2) * (shot.height() / 2) / 20);
        Q_UNUSED(corner);
        view->rotate(150, 0);
        QVERIFY(view->grabFramebuffer() != shot);

        // Hiding the liver hides its surface.
        window_->overlaySettings()->setVisible(6, false);
        const QImage hidden = view->grabFramebuffer();
        window_->overlaySettings()->setVisible(6, true);
        QVERIFY(view->grabFramebuffer() != hidden);

        // A double click on the scene moves the shared cursor there; the empty corner does not.
        view->resetCamera();
        view->grabFramebuffer();
        const VoxelIndex before = window_->cursor()->voxel();
        QVERIFY(!view->pickCursorAt(QPointF(2, 2)));
        QCOMPARE(window_->cursor()->voxel(), before);
        QVERIFY(view->pickCursorAt(QPointF(view->width() / 2.0, view->height() / 2.0)));
        const VoxelIndex picked = window_->cursor()->voxel();
        QVERIFY(picked != before);
        const Size3 size = window_->image().size();
        for (int a = 0; a < 3; ++a) {
            QVERIFY(picked[a] >= 0 && picked[a] < size[a]);
        }
    }

    void exportedMaskMatchesTheScan() {
        const QString file = dir_.filePath("mask.nii.gz");
        QVERIFY(window_->exportMask(file));
        const LabelVolume mask = readLabelMap(file.toStdString());
        QVERIFY(mask.geometry().sameGrid(window_->image().geometry()));
        QCOMPARE(countLabels(mask), countLabels(*window_->labels()));

        // An independent reader agrees: same affine as the stored scan, same voxel counts.
        Project project = Project::open(projectDir_.toStdString(), Project::Access::Shared);
        const QString scanFile = QString::fromStdString(
            project.absolutePath(project.scan(*window_->currentScan()).path));
        const QString script =
            "import sys, nibabel as nib, numpy as np\n"
            "m = nib.load(sys.argv[1]); s = nib.load(sys.argv[2])\n"
            "assert np.allclose(m.affine, s.affine, atol=1e-4), (m.affine, s.affine)\n"
            "v, c = np.unique(np.asarray(m.dataobj), return_counts=True)\n"
            "print(' '.join(f'{int(a)}:{int(b)}' for a, b in zip(v, c)))\n";
        QProcess python;
        python.start(LOGONET_PYTHON_FOR_TESTS, {"-c", script, file, scanFile});
        QVERIFY(python.waitForFinished(60000));
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
        QString expected;
        for (const auto& [value, count] : countLabels(*window_->labels())) {
            expected += QString("%1:%2 ").arg(value).arg(count);
        }
        QCOMPARE(QString::fromUtf8(python.readAllStandardOutput()).trimmed(), expected.trimmed());
    }

    void unlabeledScanShowsNoLabels() {
        const auto& scans = window_->browser()->model()->scans();
        const auto unlabeled = std::find_if(scans.begin(), scans.end(),
                                            [](const ScanRecord& s) { return !s.labeled; });
        QVERIFY(unlabeled != scans.end());
        QVERIFY(window_->showScan(unlabeled->id));
        QVERIFY(window_->labels() == nullptr);
        QCOMPARE(window_->volumeView()->meshCount(), 0);
        QVERIFY(!window_->exportMask(dir_.filePath("none.nii.gz")));
        QVERIFY(window_->lastError().contains("no label map"));
        QVERIFY(!QFile::exists(dir_.filePath("none.nii.gz")));
    }

    void projectIsRemembered() {
        const QStringList recent = QSettings().value("recentProjects").toStringList();
        QVERIFY(!recent.isEmpty());
        QCOMPARE(recent.front(), QFileInfo(projectDir_).absoluteFilePath());
    }

    // Closing the window, or opening another project, while a run goes asks what to do with it:
    // Cancel closes nothing, Keep running leaves it going for a later window to follow, Stop run
    // stops it with a checkpoint before the window closes.
    void closingWithARunGoingAsksWhatToDo() {
        QTemporaryDir dir;
        const QString engine = dir.filePath("fake-logonet");
        QVERIFY(QFile::copy(LOGONET_SOURCE_DIR "/tests/views/fake_logonet.sh", engine));
        QFile(engine).setPermissions(QFileDevice::ReadOwner | QFileDevice::ExeOwner);
        // Two steps and no further: the run is still going after two windows opened, however
        // slow the machine.
        const logonet::testing::StepPermit permit;
        QVERIFY(permit.allow(2));
        const QString project = dir.filePath("running");
        DemoProjectOptions options;
        options.cases = 2;
        options.size = {32, 32, 24};
        createDemoProject(project.toStdString(), options);
        const auto openWindow = [&] {
            auto window = std::make_unique<MainWindow>();
            window->resize(1000, 700);
            window->show();
            window->findChild<RunsPanel*>()->setEngine(engine);
            return window;
        };
        auto window = openWindow();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        QVERIFY(window->openProject(project));
        auto* runs = window->findChild<RunsPanel*>();
        RunRequest request;
        request.name = QStringLiteral("tiny");
        request.iterations = 12;
        request.crop = QStringLiteral("32");
        runs->setRequest(request);
        QVERIFY(runs->start());
        const QString folder = runs->process()->folder();
        const LeftoverStop guard{folder};

        QStringList asked;
        answerNextQuestion("Cancel", &asked);
        QVERIFY(!window->close());
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked[0], QString("tiny is still running. It continues in the background and the "
                                   "workstation reattaches when you reopen the project."));
        QVERIFY(window->isVisible());
        QVERIFY(runs->isRunning());
        answerNextQuestion("Cancel", &asked);
        QVERIFY(!window->openProject(projectDir_));
        QCOMPARE(asked.size(), 2);
        QCOMPARE(runs->project(), QFileInfo(project).absoluteFilePath());

        answerNextQuestion("Keep running", &asked);
        QVERIFY(window->close());
        QCOMPARE(asked.size(), 3);
        window.reset();
        QCOMPARE(RunProcessRecord::read(folder).state(), RunProcessRecord::State::Running);

        // A new window follows the run; Stop run ends it with a checkpoint, then the window closes.
        window = openWindow();
        QVERIFY(window->openProject(project));
        QVERIFY(window->findChild<RunsPanel*>()->isRunning());
        answerNextQuestion("Stop run", &asked);
        QVERIFY(window->close());
        QCOMPARE(asked.size(), 4);
        const RunProcessRecord record = RunProcessRecord::read(folder);
        QCOMPARE(record.state(), RunProcessRecord::State::Exited);
        QCOMPARE(record.exitCode(), 3);
        const RunSummary summary = RunHistory::read(project + "/runs/tiny");
        QCOMPARE(summary.state, RunSummary::State::Stopped);
        QVERIFY(summary.lastStep < 12);
        // A run that has ended asks nothing.
        window = openWindow();
        QVERIFY(window->openProject(project));
        QVERIFY(window->close());
        QCOMPARE(asked.size(), 4);
    }

    void cleanupTestCase() { window_.reset(); }
};

QTEST_MAIN(TestWorkstationWindow)
#include "test_workstation_window.moc"
