// The Cluster Browser in the real main window, on a tiny demo project clustered by the real
// `logonet cluster`: the counts it shows against the project database, the stored labels against
// a brute-force nearest centroid of the prepared cases' slices, its thumbnails, the strip of the
// current scan, and clicks that move the slice views' cursor.
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

#include "cache/CaseCache.h"
#include "cache/GeometryJson.h"
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
#include "masking/MaskedSequencesPanel.h"
#include "project/CachedCaseName.h"
#include "project/Project.h"
#include "render3d/VolumeView3D.h"

using namespace logonet;
using namespace logonet::views;

namespace {

constexpr int kCrop = 16;
constexpr int kScans = 3;

// The scan's prepared case, as `logonet cluster` left it in the project's cache.
CachedCase preparedCase(const Project& project, int64_t scanId) {
    return CaseCache(project.absolutePath("cache")).read(cachedCaseName(scanId));
}

// The grid `logonet cluster` stored for the scan's slices.
ImageGeometry storedGrid(const ClustererRecord& clusterer, int64_t scanId) {
    return geometryFromJson(clusterer.settings.at("slice_grids").at(std::to_string(scanId)));
}

// Written from the grid's definition (origin, spacing and direction columns), not with the code
// under test: the world point at the centre of axial slice `k` of `grid`.
Vec3 sliceCentre(const ImageGeometry& grid, double k) {
    const double index[3] = {(double(grid.size[0]) - 1.0) / 2.0, (double(grid.size[1]) - 1.0) / 2.0,
                             k};
    Vec3 world = grid.origin;
    for (int r = 0; r < 3; ++r) {
        for (int a = 0; a < 3; ++a) {
            world[r] += grid.direction[r * 3 + a] * grid.spacing[a] * index[a];
        }
    }
    return world;
}

// The scan slice (along scan axis 2; the phantoms are stored LPS, the grids RAS, so axial is
// axis 2 in both) nearest to the centre of the grid's axial slice `k`.
int64_t scanSliceOf(const ImageGeometry& scan, const ImageGeometry& grid, int64_t k) {
    const Vec3 index = scan.worldToIndex(sliceCentre(grid, double(k)));
    return std::clamp<int64_t>(std::llround(index[2]), 0, scan.size[2] - 1);
}

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
        qint64 preparedSlices = 0;
        for (const ScanRecord& scan : project.scans()) {
            if (scan.split != "test") {
                preparedSlices += preparedCase(project, scan.id).image.size()[2];
            }
        }
        QVERIFY(preparedSlices > clustered * kCrop);  // finer than the squeezed crops were
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
            // Every axial slice of every clustered scan's prepared case belongs to exactly one
            // cluster.
            QCOMPARE(total, preparedSlices);
            // The histogram counts every cluster of the clusterer once, empty ones included.
            const auto& bins = browser()->histogram()->binCounts();
            QCOMPARE(std::accumulate(bins.begin(), bins.end(), 0.0),
                     double(clusterers[static_cast<size_t>(c)].k));
            QVERIFY(browser()->summary().contains(QString::number(preparedSlices)));
        }
    }

    void storedLabelsAreTheNearestCentroidsOfThePreparedSlices() {
        Project project = Project::open(projectDir_.toStdString(), Project::Access::Shared);
        ClusterStore store(project.database(), project.path());
        for (const ClustererRecord& clusterer : store.clusterers()) {
            const std::vector<float> centroids = store.readCentroids(clusterer);
            QCOMPARE(centroids.size(), size_t(clusterer.k * kCrop * kCrop));
            for (const ScanRecord& scan : project.scans()) {
                if (scan.split == "test") {
                    continue;
                }
                const CachedCase prepared = preparedCase(project, scan.id);
                const Size3 size = prepared.image.size();
                const auto stored = store.assignments(clusterer.id, scan.id, 2);
                QCOMPARE(qint64(stored.size()), qint64(size[2]));
                // The stored grid is the prepared grid cut to the centred kCrop x kCrop window.
                const ImageGeometry grid = storedGrid(clusterer, scan.id);
                QCOMPARE(grid.size[0], int64_t{kCrop});
                QCOMPARE(grid.size[1], int64_t{kCrop});
                QCOMPARE(grid.size[2], size[2]);
                int64_t begin[2];
                for (int a = 0; a < 2; ++a) {
                    begin[a] = size[a] >= kCrop ? (size[a] - kCrop) / 2 : -((kCrop - size[a]) / 2);
                }
                const Vec3 corner = prepared.image.geometry().indexToWorld(
                    Vec3{double(begin[0]), double(begin[1]), 0.0});
                for (int r = 0; r < 3; ++r) {
                    QVERIFY(std::abs(grid.origin[r] - corner[r]) < 1e-6);
                    QCOMPARE(grid.spacing[r], prepared.image.geometry().spacing[r]);
                }
                for (const SliceAssignment& slice : stored) {
                    // The slice's row as the clusterers' samples are laid out: x-major, y fastest,
                    // zero outside the prepared case.
                    std::vector<double> row(kCrop * kCrop, 0.0);
                    for (int64_t x = 0; x < kCrop; ++x) {
                        for (int64_t y = 0; y < kCrop; ++y) {
                            const int64_t i = x + begin[0];
                            const int64_t j = y + begin[1];
                            if (i >= 0 && j >= 0 && i < size[0] && j < size[1]) {
                                row[size_t(x * kCrop + y)] =
                                    prepared.image.at(i, j, slice.sliceIndex);
                            }
                        }
                    }
                    std::vector<double> distances;
                    for (int64_t c = 0; c < clusterer.k; ++c) {
                        double d = 0.0;
                        for (size_t n = 0; n < row.size(); ++n) {
                            const double e = row[n] - centroids[size_t(c) * row.size() + n];
                            d += e * e;
                        }
                        distances.push_back(d);
                    }
                    const double best = *std::min_element(distances.begin(), distances.end());
                    QVERIFY(slice.cluster >= 0 && slice.cluster < clusterer.k);
                    // The nearest, up to float rounding between near-equal distances.
                    QVERIFY2(distances[size_t(slice.cluster)] <= best * (1.0 + 1e-4) + 1e-6,
                             qPrintable(QString("scan %1 slice %2: cluster %3 at %4, nearest %5")
                                            .arg(scan.id)
                                            .arg(slice.sliceIndex)
                                            .arg(slice.cluster)
                                            .arg(distances[size_t(slice.cluster)])
                                            .arg(best)));
                }
            }
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
        // The very slice that was labeled: the prepared case's window, read from the engine's
        // cache (the workstation made it from the scan), grey = value * 255, with the patient's
        // right on the left and anterior up (both slice axes flipped).
        Project project = Project::open(projectDir_.toStdString(), Project::Access::Shared);
        const CachedCase prepared = preparedCase(project, first.scanId);
        const Size3 size = prepared.image.size();
        int worst = 0;
        for (int x = 0; x < kCrop; ++x) {
            for (int y = 0; y < kCrop; ++y) {
                const int64_t i = (size[0] - kCrop) / 2 + (kCrop - 1 - x);
                const int64_t j = (size[1] - kCrop) / 2 + (kCrop - 1 - y);
                const float value = i >= 0 && j >= 0 && i < size[0] && j < size[1]
                                        ? prepared.image.at(i, j, first.sliceIndex)
                                        : 0.0f;
                worst = std::max(
                    worst, std::abs(qGray(image->pixel(x, y)) - int(std::lround(value * 255.0f))));
            }
        }
        QVERIFY2(size[0] >= kCrop && size[1] >= kCrop, "the phantoms are wider than the crop");
        QVERIFY2(worst <= 2, qPrintable(QString("thumbnail differs by %1 grey levels").arg(worst)));
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
        QCOMPARE(member.axis, int64_t{2});
        const ClusterStore store(project.database(), project.path());
        const qint64 expected = scanSliceOf(
            geometry, storedGrid(store.clusterers()[1], member.scanId), member.sliceIndex);
        const int axis = 2;
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
        const int64_t slices = preparedCase(project, scanId).image.size()[2];
        for (size_t c = 0; c < clusterers.size(); ++c) {
            const auto stored = store.assignments(clusterers[c].id, scanId, 2);
            QCOMPARE(qint64(stored.size()), qint64(slices));
            QCOMPARE(qint64(strip->rows()[static_cast<int>(c)].clusters.size()), qint64(slices));
            for (const SliceAssignment& slice : stored) {
                QCOMPARE(strip->rows()[static_cast<int>(c)].clusters[slice.sliceIndex],
                         slice.cluster);
            }
        }
        const ScanRecord scan = project.scan(scanId);
        const ImageGeometry geometry = readImageGeometry(project.absolutePath(scan.path));
        const ImageGeometry grid = storedGrid(clusterers[0], scanId);
        // The marker follows the cursor: the stored slice whose centre is nearest to the
        // cursor's plane...
        const auto nearestStored = [&](const VoxelIndex& voxel) {
            const Vec3 world =
                geometry.indexToWorld(Vec3{double(voxel[0]), double(voxel[1]), double(voxel[2])});
            int best = -1;
            double bestDistance = 1e300;
            for (int64_t k = 0; k < grid.size[2]; ++k) {
                // Distance along the grid's slicing direction (its third column).
                double along = 0.0;
                const Vec3 centre = sliceCentre(grid, double(k));
                for (int r = 0; r < 3; ++r) {
                    along += (world[r] - centre[r]) * grid.direction[r * 3 + 2];
                }
                if (std::abs(along) < bestDistance - 1e-9) {
                    bestDistance = std::abs(along);
                    best = int(k);
                }
            }
            return best;
        };
        for (const int64_t k : {int64_t{0}, scan.size[2] / 2, scan.size[2] - 1}) {
            window_->cursor()->setAxisIndex(2, k);
            QCOMPARE(strip->marker(), nearestStored(window_->cursor()->voxel()));
        }
        // ... and a click on the strip moves the cursor to that stored slice's scan slice.
        const int target = int(slices) - 3;
        QTest::mouseClick(strip, Qt::LeftButton, {}, strip->cellRect(0, target).center());
        QCOMPARE(window_->cursor()->voxel()[2], scanSliceOf(geometry, grid, target));
        QCOMPARE(strip->marker(), nearestStored(window_->cursor()->voxel()));
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

    void aScanLeftOutOfTheClusteringSaysSo() {
        // Held-out test scans are never clustered: no rows (not a crop's worth of empty ones).
        Project project = Project::open(projectDir_.toStdString(), Project::Access::Shared);
        const qint64 clusteredScan = *window_->currentScan();
        for (const ScanRecord& scan : project.scans()) {
            if (scan.split == "test") {
                QVERIFY(window_->showScan(scan.id));
                break;
            }
        }
        QVERIFY(window_->currentScan() != clusteredScan);
        QTRY_VERIFY(browser()->strip()->caption().contains("not in the clustering"));
        QVERIFY(browser()->strip()->rows().isEmpty());
        QVERIFY(window_->showScan(clusteredScan));
        QTRY_COMPARE(browser()->strip()->rows().size(), qsizetype(2));
    }

    void maskedSequencesTakeTheClusteringsCrop() {
        // Pre-training crops as the clustering did: the masked-sequence panel starts there.
        QCOMPARE(window_->maskedSequences()->cropSize(), kCrop);
    }

    void aMalformedStoredGridIsNamedNotTrusted() {
        // A database whose stored grid would make the thumbnails allocate 16 x 99999 x N floats:
        // the browser names the scan and the problem and maps that scan as an older clustering.
        const qint64 scanId = *window_->currentScan();
        {
            Project project = Project::open(projectDir_.toStdString(), Project::Access::Shared);
            project.database().exec(
                "UPDATE clusterers SET settings = json_set(settings, '$.slice_grids.\"" +
                std::to_string(scanId) + "\".size[1]', 99999)");
        }
        browser()->refresh();
        QTRY_VERIFY(browser()->summary().contains(QString("scan %1").arg(scanId)));
        QVERIFY(browser()->summary().contains("99999"));
        QTRY_VERIFY_WITH_TIMEOUT(!browser()->thumbnails()->busy(), 30000);
        QCOMPARE(browser()->strip()->rows().size(), qsizetype(2));
    }

    void cleanupTestCase() { window_.reset(); }
};

QTEST_MAIN(TestClusterBrowser)
#include "test_cluster_browser.moc"
