// The Cluster Browser in the real main window, on a tiny demo project clustered by the real
// `logonet cluster`: the counts it shows against the project database, its thumbnails, the
// strip of the current scan, and clicks that move the slice views' cursor.
#include <qcustomplot.h>

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QFileInfo>
#include <QListWidget>
#include <QMenu>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cmath>
#include <numeric>

#include "clusters/ClusterBrowser.h"
#include "clusters/ClusterMembersView.h"
#include "clusters/ClusterSizeHistogram.h"
#include "clusters/ClusterStore.h"
#include "clusters/ClusterStrip.h"
#include "clusters/SliceThumbnails.h"
#include "common/SliceCursor.h"
#include "io/ImageReader.h"
#include "mainwindow/DemoProject.h"
#include "mainwindow/MainWindow.h"
#include "masking/PretrainCrop.h"
#include "project/Project.h"
#include "render3d/VolumeView3D.h"

using namespace logonet;
using namespace logonet::views;

namespace {

constexpr int kCrop = 16;
constexpr int kScans = 3;

}  // namespace

class TestClusterBrowser : public QObject {
    Q_OBJECT
  private:
    QTemporaryDir dir_;
    QString projectDir_;
    std::unique_ptr<MainWindow> window_;

    ClusterBrowser* browser() const { return window_->clusterBrowser(); }

  private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(dir_.isValid());
        projectDir_ = dir_.filePath("demo");
        DemoProjectOptions options;
        options.cases = kScans;
        options.size = {32, 28, 20};
        createDemoProject(projectDir_.toStdString(), options);
        const QString engine = qEnvironmentVariable("LOGONET_ENGINE", LOGONET_ENGINE_FOR_TESTS);
        QVERIFY2(QFileInfo(engine).isExecutable(),
                 qPrintable("build the logonet target first: " + engine));
        QProcess cluster;
        cluster.start(engine, {"cluster",
                               "--project",
                               projectDir_,
                               "--clusterers",
                               "2",
                               "--k-min",
                               "4",
                               "--k-max",
                               "7",
                               "--subset",
                               "0.5",
                               "--iters",
                               "10",
                               "--crop",
                               QString::number(kCrop),
                               "--include-labeled",
                               "--seed",
                               "3",
                               "--threads",
                               "1",
                               "--progress",
                               "json"});
        QVERIFY(cluster.waitForFinished(120000));
        QVERIFY2(cluster.exitCode() == 0, cluster.readAllStandardError().constData());

        VolumeView3D::prepareSurfaceFormat();
        window_ = std::make_unique<MainWindow>();
        window_->setQuietErrors(true);
        window_->resize(1400, 1000);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        QVERIFY(window_->openProject(projectDir_));
    }

    void viewMenuShowsTheDock() {
        auto* dock = window_->findChild<QDockWidget*>(QStringLiteral("clusters"));
        QVERIFY(dock);
        QVERIFY(!dock->isVisible());
        auto* view = window_->findChild<QMenu*>(QStringLiteral("viewMenu"));
        QVERIFY(view);
        QAction* toggle = nullptr;
        for (QAction* action : view->actions()) {
            if (action->text() == dock->windowTitle()) {
                toggle = action;
            }
        }
        QVERIFY(toggle);
        toggle->trigger();
        QTRY_VERIFY(dock->isVisible());
        QTRY_VERIFY(browser()->clusterGrid()->count() > 0);
    }

    void countsEqualTheDatabase() {
        Project project = Project::open(projectDir_.toStdString(), Project::Access::Shared);
        ClusterStore store(project.database(), project.path());
        const auto clusterers = store.clusterers();
        QCOMPARE(clusterers.size(), size_t{2});
        QCOMPARE(browser()->clustererBox()->count(), 2);
        // --include-labeled clusters the labeled training scans too, never the held-out test
        // ones (pre-training must not see what scores the fine-tuning it initialises).
        qint64 clustered = 0;
        qint64 heldOut = 0;
        for (const ScanRecord& scan : project.scans()) {
            const bool test = scan.labeled && scan.split == "test";
            heldOut += test ? 1 : 0;
            clustered += test ? 0 : 1;
        }
        QVERIFY(heldOut > 0 && clustered > 0);
        QCOMPARE(clustered + heldOut, qint64{kScans});
        for (int c = 0; c < 2; ++c) {
            browser()->showClusterer(c);
            auto shown = browser()->shownClusters();
            std::sort(shown.begin(), shown.end());
            const auto stored = store.clusterSizes(clusterers[static_cast<size_t>(c)].id);
            QCOMPARE(shown.size(), qsizetype(stored.size()));
            qint64 total = 0;
            for (qsizetype n = 0; n < shown.size(); ++n) {
                QCOMPARE(shown[n].first, stored[static_cast<size_t>(n)].first);
                QCOMPARE(shown[n].second, stored[static_cast<size_t>(n)].second);
                total += shown[n].second;
            }
            // Every slice of every clustered scan's crop belongs to exactly one cluster.
            QCOMPARE(total, clustered * kCrop);
            // The histogram counts every cluster of the clusterer once, empty ones included.
            const auto& bins = browser()->histogram()->binCounts();
            QCOMPARE(std::accumulate(bins.begin(), bins.end(), 0.0),
                     double(clusterers[static_cast<size_t>(c)].k));
            QVERIFY(browser()->summary().contains(QString::number(clustered * kCrop)));
        }
    }

    void thumbnailsAreRenderedOffTheGuiThread() {
        browser()->showClusterer(0);
        QTRY_VERIFY_WITH_TIMEOUT(!browser()->thumbnails()->busy(), 30000);
        QListWidget* members = browser()->members()->list();
        QVERIFY(members->count() > 0);
        const SliceAssignment& first = browser()->members()->memberAt(0);
        const QImage* image = browser()->thumbnails()->image(
            ThumbnailKey{first.scanId, static_cast<int>(first.axis), first.sliceIndex, kCrop});
        QVERIFY(image);
        QCOMPARE(image->size(), QSize(kCrop, kCrop));
        // Not a blank tile: the phantom slice has tissue and air.
        int darkest = 255;
        int brightest = 0;
        for (int y = 0; y < image->height(); ++y) {
            for (int x = 0; x < image->width(); ++x) {
                darkest = std::min(darkest, qGray(image->pixel(x, y)));
                brightest = std::max(brightest, qGray(image->pixel(x, y)));
            }
        }
        QVERIFY2(brightest - darkest > 20,
                 qPrintable(QString("%1..%2").arg(darkest).arg(brightest)));
    }

    void clickingAThumbnailMovesTheCursor() {
        Project project = Project::open(projectDir_.toStdString(), Project::Access::Shared);
        browser()->showClusterer(1);
        QListWidget* members = browser()->members()->list();
        QVERIFY(members->count() > 0);
        const int row = members->count() - 1;
        const SliceAssignment member = browser()->members()->memberAt(row);
        const ScanRecord scan = project.scan(member.scanId);
        const ImageGeometry geometry = readImageGeometry(project.absolutePath(scan.path));
        // The phantoms are stored LPS: an axial crop slice is a slice along scan axis 2, at the
        // index the old per-axis mapping gave ((c + 0.5) * size / crop - 0.5).
        QCOMPARE(member.axis, int64_t{2});
        const ScanSlice slice = scanSliceOfCropSlice(geometry, kCrop, 2, member.sliceIndex);
        QCOMPARE(slice.axis, 2);
        const qint64 expected =
            std::llround((double(member.sliceIndex) + 0.5) * double(scan.size[2]) / kCrop - 0.5);
        QCOMPARE(slice.index, expected);
        const int axis = slice.axis;
        // Start elsewhere: another scan, so that the click has to open the member's.
        for (const ScanRecord& other : project.scans()) {
            if (other.id != member.scanId) {
                QVERIFY(window_->showScan(other.id));
                break;
            }
        }
        QVERIFY(window_->currentScan() != member.scanId);
        QListWidgetItem* item = members->item(row);
        members->scrollToItem(item);
        QTest::mouseClick(members->viewport(), Qt::LeftButton, {},
                          members->visualItemRect(item).center());
        QCOMPARE(window_->currentScan(), std::optional<qint64>(member.scanId));
        QCOMPARE(window_->cursor()->voxel()[axis], expected);
    }

    void stripShowsTheCurrentScanAndJumps() {
        Project project = Project::open(projectDir_.toStdString(), Project::Access::Shared);
        ClusterStore store(project.database(), project.path());
        const auto clusterers = store.clusterers();
        const qint64 scanId = *window_->currentScan();
        ClusterStrip* strip = browser()->strip();
        QCOMPARE(strip->rows().size(), qsizetype(clusterers.size()));
        for (size_t c = 0; c < clusterers.size(); ++c) {
            const auto stored = store.assignments(clusterers[c].id, scanId, 2);
            QCOMPARE(stored.size(), size_t{kCrop});
            for (const SliceAssignment& slice : stored) {
                QCOMPARE(strip->rows()[static_cast<int>(c)].clusters[slice.sliceIndex],
                         slice.cluster);
            }
        }
        const ScanRecord scan = project.scan(scanId);
        const ImageGeometry geometry = readImageGeometry(project.absolutePath(scan.path));
        // The marker follows the cursor...
        window_->cursor()->setAxisIndex(2, 0);
        QCOMPARE(strip->marker(),
                 int(cropIndexOfScanVoxel(geometry, kCrop, 2, window_->cursor()->voxel())));
        QCOMPARE(strip->marker(), 0);
        // ... and a click on the strip moves the cursor to that crop slice.
        const int target = kCrop - 2;
        QTest::mouseClick(strip, Qt::LeftButton, {}, strip->cellRect(0, target).center());
        QCOMPARE(window_->cursor()->voxel()[2],
                 scanSliceOfCropSlice(geometry, kCrop, 2, target).index);
        QCOMPARE(strip->marker(), target);
    }

    void panelIsDrawn() {
        browser()->showClusterer(0);
        QTRY_VERIFY_WITH_TIMEOUT(!browser()->thumbnails()->busy(), 30000);
        // Some pixel of the strip has a cluster colour (a saturated one), once the strip has
        // taken in what the thumbnails delivered (waited for, not given a fixed time).
        const auto stripIsColoured = [this] {
            const QImage strip = browser()->strip()->grab().toImage();
            for (int x = 0; x < strip.width(); ++x) {
                if (strip.pixelColor(x, strip.height() - 8).saturation() > 100) {
                    return true;
                }
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(stripIsColoured(), 30000);
        const QImage shot = browser()->grab().toImage();
        QVERIFY(shot.width() > 300 && shot.height() > 200);
        const QString out = qEnvironmentVariable("LOGONET_PANEL_SCREENSHOTS");
        if (!out.isEmpty()) {
            QVERIFY(shot.save(out + "/cluster-browser-test.png"));
        }
    }

    void cleanupTestCase() { window_.reset(); }
};

QTEST_MAIN(TestClusterBrowser)
#include "test_cluster_browser.moc"
