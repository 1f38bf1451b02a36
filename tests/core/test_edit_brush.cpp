#include <QtTest>

#include <cmath>

#include "editing/BrushTool.h"
#include "editing/LabelEditor.h"
#include "test_edit_volumes.h"

using namespace logonet;

class TestEditBrush : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void millimetreSphereFollowsAnisotropicSpacing() {
        LabelVolume labels(editTestGeometry(41, 41, 13, {0.5, 0.5, 2.5}));
        LabelEditor editor(labels);
        BrushOptions options;
        options.radius = 5.0;
        options.unit = BrushOptions::Unit::Millimetres;
        BrushTool brush(editor, options, 3);
        editor.beginStroke();
        brush.dab({20, 20, 6});
        editor.endStroke();
        // 5 mm is 10 voxels in-plane and 2 slices through-plane.
        QCOMPARE(labels.at(30, 20, 6), LabelValue(3));
        QCOMPARE(labels.at(31, 20, 6), LabelValue(0));
        QCOMPARE(labels.at(20, 10, 6), LabelValue(3));
        QCOMPARE(labels.at(20, 9, 6), LabelValue(0));
        QCOMPARE(labels.at(20, 20, 8), LabelValue(3));
        QCOMPARE(labels.at(20, 20, 9), LabelValue(0));
        // (0.5 mm, 0, 5 mm) from the centre lies just outside the 5 mm sphere.
        QCOMPARE(labels.at(21, 20, 8), LabelValue(0));
        // One slice up (2.5 mm) the disc has a radius of sqrt(25 - 6.25) = 4.33 mm = 8 voxels.
        QCOMPARE(labels.at(28, 20, 7), LabelValue(3));
        QCOMPARE(labels.at(29, 20, 7), LabelValue(0));
        // The voxel count approximates the sphere's volume (523.6 mm^3 / 0.625 mm^3).
        const double expected = 4.0 / 3.0 * M_PI * 125.0 / (0.5 * 0.5 * 2.5);
        const int64_t painted = countValue(labels, 3);
        QVERIFY2(std::abs(painted - expected) < 0.1 * expected,
                 qPrintable(QString::number(painted)));
        QCOMPARE(painted, brush.footprint().voxelCount());
    }

    void voxelRadiusIgnoresSpacing() {
        BrushOptions options;
        options.radius = 2.0;
        options.extent = BrushOptions::Extent::Slice;
        options.axis = 2;
        const BrushFootprint disc(options, {0.5, 3.0, 7.0});
        QCOMPARE(disc.voxelCount(), int64_t(13));  // |d| <= 2 on the grid
        QVERIFY(disc.contains(2, 0, 0));
        QVERIFY(disc.contains(1, 1, 0));
        QVERIFY(!disc.contains(2, 1, 0));
        QVERIFY(!disc.contains(0, 0, 1));
        options.shape = BrushOptions::Shape::Square;
        options.extent = BrushOptions::Extent::Volume;
        options.radius = 1.0;
        QCOMPARE(BrushFootprint(options, {1, 1, 1}).voxelCount(), int64_t(27));
        options.radius = 0.0;
        QCOMPARE(BrushFootprint(options, {1, 1, 1}).voxelCount(), int64_t(1));
    }

    void sliceBrushStaysOnItsSlice() {
        LabelVolume labels(editTestGeometry(9, 9, 9));
        LabelEditor editor(labels);
        BrushOptions options;
        options.radius = 3.0;
        options.extent = BrushOptions::Extent::Slice;
        options.axis = 0;  // sagittal: the disc spans j and k
        BrushTool brush(editor, options, 1);
        editor.beginStroke();
        brush.dab({4, 4, 4});
        editor.endStroke();
        QCOMPARE(labels.at(4, 4, 7), LabelValue(1));
        QCOMPARE(labels.at(4, 7, 4), LabelValue(1));
        QCOMPARE(labels.at(5, 4, 4), LabelValue(0));
        QCOMPARE(labels.at(3, 4, 4), LabelValue(0));
        QCOMPARE(countValue(labels, 1), int64_t(29));  // lattice points with j^2 + k^2 <= 9
    }

    void dabAtTheEdgeIsClipped() {
        LabelVolume labels(editTestGeometry(6, 6, 6));
        LabelEditor editor(labels);
        BrushOptions options;
        options.shape = BrushOptions::Shape::Square;
        options.radius = 2.0;
        BrushTool brush(editor, options, 1);
        editor.beginStroke();
        QCOMPARE(brush.dab({0, 0, 0}), int64_t(27));
        QCOMPARE(brush.dab({-10, 0, 0}), int64_t(0));
        editor.endStroke();
    }

    void dragLeavesNoGaps() {
        for (double radius : {1.0, 6.0, 12.0}) {
            LabelVolume labels(editTestGeometry(80, 60, 3));
            LabelEditor editor(labels);
            BrushOptions options;
            options.radius = radius;
            options.extent = BrushOptions::Extent::Slice;
            BrushTool brush(editor, options, 2);
            const Size3 from{15, 14, 1}, to{62, 41, 1};
            editor.beginStroke();
            brush.dab(from);
            brush.drag(from, to);
            editor.endStroke();
            // Every voxel near the segment is painted, however far apart the mouse events were.
            const double margin = radius <= 1.0 ? 0.5 : 3.0;
            for (int64_t j = 0; j < 60; ++j) {
                for (int64_t i = 0; i < 80; ++i) {
                    const double t = std::clamp(
                        ((i - 15.0) * 47.0 + (j - 14.0) * 27.0) / (47.0 * 47.0 + 27.0 * 27.0), 0.0,
                        1.0);
                    const double du = i - (15.0 + 47.0 * t), dv = j - (14.0 + 27.0 * t);
                    if (std::sqrt(du * du + dv * dv) <= radius - margin) {
                        QVERIFY2(labels.at(i, j, 1) == 2,
                                 qPrintable(
                                     QString("gap at %1,%2 radius %3").arg(i).arg(j).arg(radius)));
                    }
                }
            }
            QCOMPARE(labels.at(62, 41, 1), LabelValue(2));
            QCOMPARE(labels.at(15, 14, 0), LabelValue(0));
        }
    }

    void rejectsBadRadius() {
        BrushOptions options;
        options.radius = -1.0;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, BrushFootprint(options, {1, 1, 1}));
        options.radius = 1e9;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, BrushFootprint(options, {1, 1, 1}));
    }
};

QTEST_APPLESS_MAIN(TestEditBrush)
#include "test_edit_brush.moc"
