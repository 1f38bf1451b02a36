#include <QtTest/QtTest>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>

#include "cache/CaseCache.h"
#include "cache/CasePreparation.h"
#include "metrics/SegmentationMetrics.h"
#include "resample/Resampling.h"

using namespace logonet;
namespace fs = std::filesystem;

namespace {

ImageGeometry lpsGeometry(Size3 size, Vec3 spacing, Vec3 origin) {
    ImageGeometry g;
    g.size = size;
    g.spacing = spacing;
    g.origin = origin;
    return g;
}

// A body box of "soft tissue" (40 HU) in air (-1000 HU) with a labelled ellipsoid inside.
void syntheticCase(ImageVolume& image, LabelVolume& labels) {
    const ImageGeometry g = lpsGeometry({40, 36, 20}, {1.0, 1.2, 2.5}, {-20, -15, 100});
    image = ImageVolume(g, -1000.0f);
    labels = LabelVolume(g, 0);
    for (int64_t k = 3; k < 17; ++k) {
        for (int64_t j = 5; j < 30; ++j) {
            for (int64_t i = 6; i < 34; ++i) {
                image.at(i, j, k) = 40.0f;
                const double x = (i - 20) / 8.0, y = (j - 17) / 7.0, z = (k - 10) / 4.0;
                if (x * x + y * y + z * z < 1.0) {
                    labels.at(i, j, k) = 6;
                    image.at(i, j, k) = 120.0f;
                }
            }
        }
    }
}

}  // namespace

class CacheTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void reorientationIsExactAndInvertible() {
        const ImageGeometry g = lpsGeometry({4, 3, 2}, {1, 2, 3}, {10, 20, 30});
        LabelVolume labels(g, 0);
        for (size_t n = 0; n < labels.voxels().size(); ++n) {
            labels.voxels()[n] = static_cast<LabelValue>(n + 1);
        }
        const ImageGeometry ras = reorientedGeometry(g, "RAS");
        QCOMPARE(ras.orientationCode(), std::string("RAS"));
        QCOMPARE(ras.size, g.size);
        // Index (0,0,0) of the RAS grid is the voxel at the far x and y end of the LPS grid.
        const Vec3 expectedOrigin = g.indexToWorld({3, 2, 0});
        for (int a = 0; a < 3; ++a) {
            QCOMPARE(ras.origin[a], expectedOrigin[a]);
        }
        const LabelVolume reoriented = resampleNearest(labels, ras);
        QCOMPARE(reoriented.at(0, 0, 0), labels.at(3, 2, 0));
        QCOMPARE(reoriented.at(3, 1, 1), labels.at(0, 1, 1));
        const LabelVolume back = resampleNearest(reoriented, g);
        QVERIFY(back.voxels() == labels.voxels());
        QVERIFY(reorientedGeometry(ras, "LPS").sameGrid(g));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, reorientedGeometry(g, "RRS"));
    }

    void trilinearResamplingReproducesLinearRamps() {
        const ImageGeometry g = lpsGeometry({20, 16, 12}, {1.0, 1.5, 2.0}, {5, -3, 7});
        ImageVolume image(g);
        auto ramp = [](const Vec3& w) { return 2.0 * w[0] + 3.0 * w[1] - w[2]; };
        for (int64_t k = 0; k < 12; ++k) {
            for (int64_t j = 0; j < 16; ++j) {
                for (int64_t i = 0; i < 20; ++i) {
                    image.at(i, j, k) =
                        static_cast<float>(ramp(g.indexToWorld({double(i), double(j), double(k)})));
                }
            }
        }
        const ImageGeometry target =
            respacedGeometry(reorientedGeometry(g, "RAS"), {1.3, 0.9, 1.7});
        QCOMPARE(target.size[0], int64_t{15});  // 20 mm / 1.3 rounded
        const ImageVolume resampled = resampleLinear(image, target, -999.0f);
        int checked = 0;
        for (int64_t k = 0; k < target.size[2]; ++k) {
            for (int64_t j = 0; j < target.size[1]; ++j) {
                for (int64_t i = 0; i < target.size[0]; ++i) {
                    const Vec3 world = target.indexToWorld({double(i), double(j), double(k)});
                    const Vec3 source = g.worldToIndex(world);
                    bool inside = true;
                    for (int a = 0; a < 3; ++a) {
                        inside = inside && source[a] >= 0 && source[a] <= g.size[a] - 1;
                    }
                    if (inside) {
                        QVERIFY(std::abs(resampled.at(i, j, k) - ramp(world)) < 1e-3);
                        ++checked;
                    }
                }
            }
        }
        QVERIFY(checked > 1000);
    }

    void preparedLabelsMapBackOntoTheOriginalGrid() {
        ImageVolume image;
        LabelVolume labels;
        syntheticCase(image, labels);
        PreprocessSettings settings;
        settings.spacing = {1.5, 1.5, 2.0};
        const CachedCase prepared = prepareCase("case", image, labels, settings);
        QCOMPARE(prepared.image.geometry().orientationCode(), std::string("RAS"));
        QVERIFY(prepared.originalGeometry.sameGrid(image.geometry()));
        // Cropped to the body: smaller than the full resampled grid.
        const ImageGeometry full =
            respacedGeometry(reorientedGeometry(image.geometry(), "RAS"), settings.spacing);
        QVERIFY(prepared.image.voxelCount() < full.voxelCount());
        for (const float v : prepared.image.voxels()) {
            QVERIFY(v >= 0.0f && v <= 1.0f);
        }
        const LabelVolume back = resampleNearest(prepared.labels, image.geometry());
        QVERIFY(back.geometry().sameGrid(image.geometry()));
        QVERIFY(diceScore(back, labels, 6) > 0.9);
        // Outside the body box nothing comes back.
        QCOMPARE(back.at(0, 0, 0), LabelValue{0});
    }

    // A float scan from elsewhere may hold NaN and infinite voxels (issue 15): they become the
    // background (the window's floor, 0 after normalisation; +inf its ceiling) and never reach
    // the cache, for CT windows and MR percentiles alike.
    void nonFiniteVoxelsNeverReachTheCache_data() {
        QTest::addColumn<QString>("modality");
        QTest::newRow("ct") << "ct";
        QTest::newRow("mr") << "mr";
    }
    void nonFiniteVoxelsNeverReachTheCache() {
        QFETCH(QString, modality);
        ImageVolume image;
        LabelVolume labels;
        syntheticCase(image, labels);
        if (modality == "mr") {
            for (float& v : image.voxels()) {
                v = v + 1000.0f;  // MR: air is 0, the percentiles come from the rest
            }
        }
        const float nan = std::numeric_limits<float>::quiet_NaN();
        const float inf = std::numeric_limits<float>::infinity();
        for (int64_t k = 5; k < 10; ++k) {
            for (int64_t j = 9; j < 16; ++j) {
                for (int64_t i = 16; i < 25; ++i) {
                    image.at(i, j, k) = nan;
                }
            }
        }
        image.at(10, 10, 10) = inf;
        image.at(11, 10, 10) = -inf;
        image.at(0, 0, 0) = nan;  // in the air, outside the body
        PreprocessSettings settings;
        settings.modality = modality.toStdString();
        settings.spacing = {1.5, 1.5, 2.0};
        const CachedCase prepared = prepareCase("case", image, labels, settings);
        int64_t belowOne = 0;
        for (const float v : prepared.image.voxels()) {
            QVERIFY2(std::isfinite(v) && v >= 0.0f && v <= 1.0f, "a voxel left [0, 1]");
            belowOne += v < 1.0f ? 1 : 0;
        }
        // Still a scan: the percentiles were not ruined by the NaNs (not everything is 1).
        QVERIFY(belowOne > prepared.image.voxelCount() / 2);
        // The NaN block inside the body reads as background (0) at its centre.
        const ImageVolume back = resampleLinear(prepared.image, image.geometry(), 0.0f);
        QVERIFY2(back.at(20, 12, 7) < 0.5f, std::to_string(back.at(20, 12, 7)).c_str());
    }

    void mismatchedLabelsAreRejected() {
        ImageVolume image;
        LabelVolume labels;
        syntheticCase(image, labels);
        LabelVolume other(lpsGeometry({40, 36, 21}, {1.0, 1.2, 2.5}, {-20, -15, 100}), 0);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 prepareCase("c", image, other, PreprocessSettings{}));
    }

    void cacheRoundTripAndStaleness() {
        ImageVolume image;
        LabelVolume labels;
        syntheticCase(image, labels);
        CachedCase entry = prepareCase("scan_000001", image, labels, PreprocessSettings{});
        entry.source = "label-version:4";
        QTemporaryDir dir;
        const CaseCache cache(dir.path().toStdString());
        QVERIFY(!cache.has(entry.id, entry.settings, entry.source));
        cache.write(entry);
        QVERIFY(cache.has(entry.id, entry.settings, entry.source));
        QVERIFY(!cache.has(entry.id, entry.settings, "label-version:5"));
        PreprocessSettings other;
        other.spacing = {2.0, 2.0, 2.0};
        QVERIFY(!cache.has(entry.id, other, entry.source));
        QCOMPARE(cache.ids(), std::vector<std::string>{"scan_000001"});

        const CachedCase read = cache.read(entry.id);
        QVERIFY(read.image.voxels() == entry.image.voxels());
        QVERIFY(read.labels.voxels() == entry.labels.voxels());
        QVERIFY(read.image.geometry().sameGrid(entry.image.geometry(), 1e-9));
        QVERIFY(read.originalGeometry.sameGrid(image.geometry(), 1e-9));
        QVERIFY(read.settings == entry.settings);
        QCOMPARE(read.source, entry.source);

        // A truncated data file is reported with its path, never read as garbage.
        const std::string data = dir.path().toStdString() + "/scan_000001.bin";
        fs::resize_file(data, fs::file_size(data) - 10);
        try {
            cache.read(entry.id);
            QFAIL("a truncated case was read");
        } catch (const std::runtime_error& error) {
            QVERIFY(std::string(error.what()).find("scan_000001.bin") != std::string::npos);
        }
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, cache.read("scan_000099"));
    }
};

QTEST_GUILESS_MAIN(CacheTest)
#include "test_cache.moc"
