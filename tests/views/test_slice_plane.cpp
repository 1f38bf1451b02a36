// Slice layout, orientation letters and pixel rendering, without any widget.
#include <QTest>
#include <QTranslator>
#include <algorithm>
#include <cmath>

#include "common/WindowLevel.h"
#include "overlay/OverlaySettings.h"
#include "slices/SlicePlane.h"
#include "slices/SliceRenderer.h"

using namespace logonet;
using namespace logonet::views;

namespace {

ImageGeometry makeGeometry(const Mat3& direction, Size3 size = {6, 5, 4}) {
    ImageGeometry g;
    g.size = size;
    g.spacing = {1.0, 2.0, 3.0};
    g.direction = direction;
    return g;
}

QString letters(const SlicePlane& p, const ImageGeometry& g) {
    return QString("%1%2%3%4")
        .arg(p.leftLetter(g))
        .arg(p.rightLetter(g))
        .arg(p.topLetter(g))
        .arg(p.bottomLetter(g));
}

}  // namespace

class TestSlicePlane : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void identityLettersAreRadiological() {
        const ImageGeometry g = makeGeometry({1, 0, 0, 0, 1, 0, 0, 0, 1});
        const auto axial = SlicePlane::forOrientation(SliceOrientation::Axial, g);
        QCOMPARE(letters(axial, g), QString("RLAP"));
        QCOMPARE(axial.normalAxis, 2);
        QCOMPARE(axial.width, 6);
        QCOMPARE(axial.height, 5);
        QCOMPARE(axial.verticalSpacing, 2.0);
        QVERIFY(!axial.horizontalFlip);
        const auto coronal = SlicePlane::forOrientation(SliceOrientation::Coronal, g);
        QCOMPARE(letters(coronal, g), QString("RLSI"));
        QCOMPARE(coronal.normalAxis, 1);
        QVERIFY(coronal.verticalFlip);  // superior (high k) at the top
        const auto sagittal = SlicePlane::forOrientation(SliceOrientation::Sagittal, g);
        QCOMPARE(letters(sagittal, g), QString("APSI"));
        QCOMPARE(sagittal.normalAxis, 0);
        QCOMPARE(sagittal.sliceCount, int64_t{6});
    }

    void flippedAxesAreTurnedBack() {
        // x and z flipped (a RAS-like "RPI" scan): the view flips them back, letters stay.
        const ImageGeometry g = makeGeometry({-1, 0, 0, 0, 1, 0, 0, 0, -1});
        QCOMPARE(QString::fromStdString(g.orientationCode()), QString("RPI"));
        const auto axial = SlicePlane::forOrientation(SliceOrientation::Axial, g);
        QVERIFY(axial.horizontalFlip);
        QCOMPARE(letters(axial, g), QString("RLAP"));
        // Screen column 0 (patient right) is the last voxel, since x grows to the right.
        QCOMPARE(axial.voxelAt(0, 0, 2), (VoxelIndex{5, 0, 2}));
        const auto coronal = SlicePlane::forOrientation(SliceOrientation::Coronal, g);
        QVERIFY(!coronal.verticalFlip);  // k grows downwards = inferior: already right
        QCOMPARE(letters(coronal, g), QString("RLSI"));
        QCOMPARE(coronal.voxelAt(0, 0, 1), (VoxelIndex{5, 1, 0}));
    }

    void permutedAxesAreFound() {
        // Voxel axis 0 runs anterior-posterior, axis 1 left-right, axis 2 superior-inferior.
        const ImageGeometry g = makeGeometry({0, 1, 0, 1, 0, 0, 0, 0, 1});
        const auto axial = SlicePlane::forOrientation(SliceOrientation::Axial, g);
        QCOMPARE(axial.horizontalAxis, 1);
        QCOMPARE(axial.verticalAxis, 0);
        QCOMPARE(axial.width, 5);
        QCOMPARE(letters(axial, g), QString("RLAP"));
        const auto sagittal = SlicePlane::forOrientation(SliceOrientation::Sagittal, g);
        QCOMPARE(sagittal.normalAxis, 1);
        QCOMPARE(letters(sagittal, g), QString("APSI"));
    }

    void obliqueMatrixGivesDominantLetters() {
        // 30 degrees about z: still mostly L/P, and the letters follow the rotation.
        const double c = std::cos(M_PI / 6), s = std::sin(M_PI / 6);
        const ImageGeometry g = makeGeometry({c, -s, 0, s, c, 0, 0, 0, 1});
        const auto axial = SlicePlane::forOrientation(SliceOrientation::Axial, g);
        QCOMPARE(letters(axial, g), QString("RLAP"));
        // 60 degrees: voxel axis 0 now points mostly posterior.
        const double c2 = std::cos(M_PI / 3), s2 = std::sin(M_PI / 3);
        const ImageGeometry g2 = makeGeometry({c2, -s2, 0, s2, c2, 0, 0, 0, 1});
        const auto axial2 = SlicePlane::forOrientation(SliceOrientation::Axial, g2);
        QCOMPARE(axial2.horizontalAxis, 1);
        QCOMPARE(axial2.verticalAxis, 0);
        QCOMPARE(letters(axial2, g2), QString("RLAP"));
    }

    void pixelMappingRoundTrips() {
        const ImageGeometry g = makeGeometry({-1, 0, 0, 0, -1, 0, 0, 0, 1});
        for (auto o :
             {SliceOrientation::Axial, SliceOrientation::Coronal, SliceOrientation::Sagittal}) {
            const auto plane = SlicePlane::forOrientation(o, g);
            for (int v = 0; v < plane.height; ++v) {
                for (int u = 0; u < plane.width; ++u) {
                    const VoxelIndex voxel = plane.voxelAt(u, v, 1);
                    QVERIFY(g.contains(voxel[0], voxel[1], voxel[2]));
                    int u2 = -1, v2 = -1;
                    plane.pixelOf(voxel, u2, v2);
                    QCOMPARE(u2, u);
                    QCOMPARE(v2, v);
                }
            }
        }
    }

    void rendersWindowAndOverlay() {
        const ImageGeometry g = makeGeometry({-1, 0, 0, 0, 1, 0, 0, 0, 1}, {8, 8, 3});
        ImageVolume image(g, 50.0f);
        image.at(0, 0, 1) = 250.0f;   // above the window: white
        image.at(1, 0, 1) = -150.0f;  // below: black
        LabelVolume labels(g);
        for (int j = 2; j <= 6; ++j) {
            for (int i = 2; i <= 6; ++i) {
                labels.at(i, j, 1) = 6;  // liver, 5x5 square
            }
        }
        OverlaySettings overlay;
        overlay.setLabelSet(LabelSet::btcv());
        overlay.setOpacity(1.0);
        const auto plane = SlicePlane::forOrientation(SliceOrientation::Axial, g);
        SliceRenderer renderer;
        QImage out;
        renderer.render(image, &labels, plane, 1, {400, 50}, overlay.style(), out);
        QCOMPARE(out.size(), QSize(8, 8));
        // x is flipped on screen: voxel i appears in column 7 - i.
        QCOMPARE(out.pixel(7, 0), qRgb(255, 255, 255));
        QCOMPARE(out.pixel(6, 0), qRgb(0, 0, 0));
        QCOMPARE(qRed(out.pixel(0, 7)), 128);  // the level is mid grey
        const QRgb liver = qRgb(128, 0, 0);
        QCOMPARE(out.pixel(7 - 4, 4), liver);
        QCOMPARE(out.pixel(7 - 2, 2), liver);

        overlay.setOpacity(0.5);
        renderer.render(image, &labels, plane, 1, {400, 50}, overlay.style(), out);
        const QRgb half = out.pixel(7 - 4, 4);
        QVERIFY(std::abs(qRed(half) - (128 + 128) / 2) <= 1);
        QVERIFY(std::abs(qBlue(half) - (0 + 128) / 2) <= 1);

        overlay.setOpacity(1.0);
        overlay.setMode(OverlayMode::Outline);
        renderer.render(image, &labels, plane, 1, {400, 50}, overlay.style(), out);
        QCOMPARE(out.pixel(7 - 2, 4), liver);      // edge of the square
        QCOMPARE(qRed(out.pixel(7 - 4, 4)), 128);  // inside: no colour
        QCOMPARE(qGreen(out.pixel(7 - 4, 4)), 128);

        overlay.setMode(OverlayMode::Filled);
        overlay.setVisible(6, false);
        renderer.render(image, &labels, plane, 1, {400, 50}, overlay.style(), out);
        QCOMPARE(out.pixel(7 - 4, 4), qRgb(128, 128, 128));
        overlay.setVisible(6, true);
        renderer.render(image, &labels, plane, 0, {400, 50}, overlay.style(), out);
        QCOMPARE(out.pixel(7 - 4, 4), qRgb(128, 128, 128));  // slice 0 has no label
    }

    // Sagittal slices are read from a cached x-slab; stepping in any order, across slab edges
    // and after label edits must show exactly the voxels of the volume.
    void sagittalSlabMatchesTheVolume() {
        const ImageGeometry g = makeGeometry({1, 0, 0, 0, 1, 0, 0, 0, 1}, {37, 11, 7});
        ImageVolume image(g);
        LabelVolume labels(g);
        for (int64_t n = 0; n < image.voxelCount(); ++n) {
            image.data()[n] = static_cast<float>((n * 7919) % 251);
            labels.data()[n] = static_cast<LabelValue>((n * 31) % 5 == 0 ? (n % 3) + 1 : 0);
        }
        const SlicePlane plane = SlicePlane::forOrientation(SliceOrientation::Sagittal, g);
        QCOMPARE(plane.normalAxis, 0);
        const WindowLevel window{250.0, 125.0};
        OverlayStyle style;
        style.colours = {qRgba(0, 0, 0, 0), qRgb(255, 0, 0), qRgb(0, 255, 0), qRgb(0, 0, 255)};
        style.opacity = 1.0;
        SliceRenderer renderer;
        QImage out;
        auto check = [&](int64_t slice) {
            renderer.render(image, &labels, plane, slice, window, style, out);
            for (int v = 0; v < plane.height; ++v) {
                for (int u = 0; u < plane.width; ++u) {
                    const VoxelIndex voxel = plane.voxelAt(u, v, slice);
                    const LabelValue label = labels.at(voxel[0], voxel[1], voxel[2]);
                    const float value = image.at(voxel[0], voxel[1], voxel[2]);
                    const float scaled = std::clamp(
                        (value - 0.0f) * static_cast<float>(255.0 / 250.0), 0.0f, 255.0f);
                    const int grey = static_cast<int>(scaled + 0.5f);
                    const QRgb expected = label ? style.colours[label] : qRgb(grey, grey, grey);
                    if (out.pixel(u, v) != expected) {
                        QFAIL(qPrintable(QString("slice %1 pixel %2,%3").arg(slice).arg(u).arg(v)));
                    }
                }
            }
        };
        for (int64_t slice : {0, 1, 15, 16, 36, 20, 3, 35, 17}) {
            check(slice);
        }
        // An edit inside the cached block, reported by region, then a neighbouring slice.
        VoxelBox box;
        box.lo = {16, 2, 1};
        box.hi = {20, 5, 3};
        for (int64_t z = 1; z <= 3; ++z) {
            for (int64_t y = 2; y <= 5; ++y) {
                for (int64_t x = 16; x <= 20; ++x) {
                    labels.at(x, y, z) = 3;
                }
            }
        }
        renderer.labelsChanged(labels, box);
        check(18);
        check(20);
        check(17);
    }

    void germanTranslationIsBuiltIn() {
        QTranslator german;
        QVERIFY(german.load(":/translations/logonet_de.qm"));
        QCoreApplication::installTranslator(&german);
        QCOMPARE(orientationName(SliceOrientation::Coronal), QString("Koronal"));
        QCOMPARE(ctWindowPresets()[1].name, QString("CT Lunge"));
        QCoreApplication::removeTranslator(&german);
        QCOMPARE(orientationName(SliceOrientation::Coronal), QString("Coronal"));
    }

    void percentileWindowSpansTheData() {
        ImageGeometry g;
        g.size = {100, 10, 10};
        ImageVolume image(g);
        for (int64_t n = 0; n < image.voxelCount(); ++n) {
            image.voxels()[static_cast<size_t>(n)] = static_cast<float>(n % 1000);
        }
        const WindowLevel w = percentileWindow(image);
        QVERIFY(std::abs(w.low() - 10) < 2);
        QVERIFY(std::abs(w.high() - 989) < 2);
        // MR-like data gets the percentile window, CT-like data the abdomen preset.
        QCOMPARE(initialWindow(image), w);
        image.voxels()[0] = -1000.0f;
        QCOMPARE(initialWindow(image), (WindowLevel{400, 50}));
    }
};

QTEST_GUILESS_MAIN(TestSlicePlane)
#include "test_slice_plane.moc"
