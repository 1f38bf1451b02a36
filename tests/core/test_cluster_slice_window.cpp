// The window a clustering's stored slices are cut from (ClusterSliceWindow) and prepareOnGrid,
// which the workstation uses to draw those slices: checked against hand-computed indices and
// against prepareCase itself.
#include <QtTest>

#include <cmath>

#include "cache/CasePreparation.h"
#include "cache/GeometryJson.h"
#include "masking/ClusterSliceWindow.h"

using namespace logonet;

namespace {

// A case whose voxel (i, j, k) holds a value that names it.
ImageVolume numbered(const Size3& size) {
    ImageGeometry geometry;
    geometry.size = size;
    geometry.spacing = {0.5, 0.75, 2.0};
    geometry.origin = {10.0, -20.0, 30.0};
    geometry.direction = {-1, 0, 0, 0, -1, 0, 0, 0, 1};  // RAS, as prepared cases are
    ImageVolume volume(geometry, 0.0f);
    for (int64_t k = 0; k < size[2]; ++k) {
        for (int64_t j = 0; j < size[1]; ++j) {
            for (int64_t i = 0; i < size[0]; ++i) {
                volume.at(i, j, k) = float(1 + i + 100 * j + 10000 * k);
            }
        }
    }
    return volume;
}

}  // namespace

class TestClusterSliceWindow : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void axialWindowIsTheCentredCropOfEverySlice() {
        const ImageVolume prepared = numbered({21, 8, 5});
        const int64_t crop = 12;
        const ImageVolume window = clusterSliceWindow(prepared, crop, SliceAxis::Axial);
        QCOMPARE(window.size(), (Size3{12, 12, 5}));
        // X: 21 >= 12, starts at (21 - 12) / 2 = 4. Y: 8 < 12, padded 2 before and 2 after.
        for (int64_t k = 0; k < 5; ++k) {
            for (int64_t j = 0; j < 12; ++j) {
                for (int64_t i = 0; i < 12; ++i) {
                    const int64_t y = j - 2;
                    const float expected =
                        y >= 0 && y < 8 ? float(1 + (i + 4) + 100 * y + 10000 * k) : 0.0f;
                    QCOMPARE(window.at(i, j, k), expected);
                }
            }
        }
        // The same world points: window voxel (0, 2, 3) is prepared voxel (4, 0, 3).
        const Vec3 a = window.geometry().indexToWorld({0, 2, 3});
        const Vec3 b = prepared.geometry().indexToWorld({4, 0, 3});
        for (int r = 0; r < 3; ++r) {
            QVERIFY(std::abs(a[r] - b[r]) < 1e-9);
        }
    }

    void sagittalWindowKeepsEveryXSlice() {
        const ImageVolume prepared = numbered({7, 16, 13});
        const ImageVolume window = clusterSliceWindow(prepared, 10, SliceAxis::Sagittal);
        QCOMPARE(window.size(), (Size3{7, 10, 10}));
        // Y starts at 3, Z at 1.
        QCOMPARE(window.at(6, 0, 0), float(1 + 6 + 100 * 3 + 10000 * 1));
        QCOMPARE(window.at(0, 9, 9), float(1 + 0 + 100 * 12 + 10000 * 10));
    }

    void rejectsACropBelowOne() {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 clusterSliceWindow(numbered({4, 4, 4}), 0, SliceAxis::Axial));
    }

    void storedGridsAreReadBackOrAbsent() {
        const ImageGeometry grid =
            clusterSliceWindowGeometry(numbered({30, 30, 9}).geometry(), 16, SliceAxis::Axial);
        Json settings = Json::object();
        settings["crop"] = int64_t{16};
        QVERIFY(!storedClusterSliceGrid(settings, 3));  // a clustering made before: no grids
        settings["slice_grids"] = Json::object();
        settings["slice_grids"]["3"] = geometryToJson(grid);
        const auto back = storedClusterSliceGrid(settings, 3);
        QVERIFY(back);
        QVERIFY(back->sameGrid(grid));
        QVERIFY(!storedClusterSliceGrid(settings, 4));
    }

    void storedGridsThatWouldAllocateTooMuchAreRefused() {
        // What the database says is not trusted with memory: a wrong width, absurd slice counts
        // and spacings are refused, naming the scan.
        ImageGeometry grid =
            clusterSliceWindowGeometry(numbered({30, 30, 9}).geometry(), 16, SliceAxis::Axial);
        const auto settingsWith = [](const ImageGeometry& stored) {
            Json settings = Json::object();
            settings["crop"] = int64_t{16};
            settings["axis"] = "axial";
            settings["slice_grids"] = Json::object();
            settings["slice_grids"]["7"] = geometryToJson(stored);
            return settings;
        };
        const auto refusedNamingTheScan = [&](const ImageGeometry& bad) {
            try {
                storedClusterSliceGrid(settingsWith(bad), 7);
            } catch (const std::runtime_error& error) {
                return QString::fromUtf8(error.what()).contains("scan 7");
            }
            return false;
        };
        ImageGeometry wide = grid;
        wide.size[1] = 100000;
        QVERIFY(refusedNamingTheScan(wide));
        ImageGeometry deep = grid;
        deep.size[2] = kMaxClusterSlices + 1;
        QVERIFY(refusedNamingTheScan(deep));
        ImageGeometry flat = grid;
        flat.spacing[2] = 0.0;
        QVERIFY(refusedNamingTheScan(flat));
        // The limit itself is allowed.
        grid.size[2] = kMaxClusterSlices;
        QCOMPARE(storedClusterSliceGrid(settingsWith(grid), 7)->size[2], kMaxClusterSlices);
    }

    void prepareOnGridGivesThePreparedValuesOnTheWindow() {
        // A CT scan stored LPS with a body in the middle: prepareCase reorients, respaces and
        // crops it; prepareOnGrid on the window's grid must give the case's own values.
        ImageGeometry geometry;
        geometry.size = {40, 36, 12};
        geometry.spacing = {1.0, 1.0, 3.0};
        ImageVolume scan(geometry, -1000.0f);
        for (int64_t k = 2; k < 10; ++k) {
            for (int64_t j = 6; j < 30; ++j) {
                for (int64_t i = 5; i < 35; ++i) {
                    scan.at(i, j, k) = float(-200 + 13 * i + 7 * j + 40 * k);
                }
            }
        }
        PreprocessSettings settings;
        settings.spacing = {1.5, 1.5, 2.0};
        const CachedCase prepared = prepareCase("case", scan, {}, settings);
        const int64_t crop = 16;
        const ImageVolume window = clusterSliceWindow(prepared.image, crop, SliceAxis::Axial);
        const ImageVolume drawn = prepareOnGrid(scan, settings, window.geometry());
        QCOMPARE(drawn.size(), window.size());
        float worst = 0.0f;
        for (size_t n = 0; n < window.voxels().size(); ++n) {
            worst = std::max(worst, std::abs(drawn.voxels()[n] - window.voxels()[n]));
        }
        QVERIFY2(worst < 1e-5f, qPrintable(QString::number(worst)));
        QVERIFY(*std::max_element(window.voxels().begin(), window.voxels().end()) > 0.3f);
    }
};

QTEST_APPLESS_MAIN(TestClusterSliceWindow)
#include "test_cluster_slice_window.moc"
