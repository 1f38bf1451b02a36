#include <QPainterPath>
#include <QPolygonF>
#include <QtTest>

#include <random>

#include "editing/LabelEditor.h"
#include "editing/PolygonFill.h"
#include "test_edit_volumes.h"

using namespace logonet;

namespace {

int64_t fillOnce(LabelEditor& editor, const SlicePlane& plane,
                 const std::vector<SlicePoint>& polygon, LabelValue value) {
    editor.beginStroke();
    const int64_t changed = PolygonFill::fill(editor, plane, polygon, value);
    editor.endStroke();
    return changed;
}

}  // namespace

class TestEditPolygon : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void insideAndOutside() {
        // A U shape: the notch between its arms is outside.
        const std::vector<SlicePoint> u{{0, 0}, {9, 0}, {9, 9}, {6, 9},
                                        {6, 3}, {3, 3}, {3, 9}, {0, 9}};
        QVERIFY(PolygonFill::contains(u, 1, 1));
        QVERIFY(PolygonFill::contains(u, 1, 8));
        QVERIFY(PolygonFill::contains(u, 8, 8));
        QVERIFY(!PolygonFill::contains(u, 4.5, 6));
        QVERIFY(!PolygonFill::contains(u, -1, 1));
        QVERIFY(!PolygonFill::contains(u, 10, 5));
        QVERIFY(!PolygonFill::contains(u, 5, 10));
        QVERIFY(!PolygonFill::contains({{0, 0}, {5, 5}}, 1, 1));
    }

    void squareFillsExactlyItsVoxels() {
        LabelVolume labels(editTestGeometry(8, 8, 8));
        LabelEditor editor(labels);
        const std::vector<SlicePoint> square{{1.5, 1.5}, {4.5, 1.5}, {4.5, 4.5}, {1.5, 4.5}};
        QCOMPARE(fillOnce(editor, SlicePlane{2, 3}, square, 1), int64_t(9));
        QCOMPARE(labels.at(2, 2, 3), LabelValue(1));
        QCOMPARE(labels.at(4, 4, 3), LabelValue(1));
        QCOMPARE(labels.at(5, 4, 3), LabelValue(0));
        QCOMPARE(labels.at(1, 2, 3), LabelValue(0));
        // On a sagittal slice the same outline spans j and k.
        QCOMPARE(fillOnce(editor, SlicePlane{0, 6}, square, 2), int64_t(9));
        QCOMPARE(labels.at(6, 2, 4), LabelValue(2));
        QCOMPARE(labels.at(6, 4, 2), LabelValue(2));
        QCOMPARE(labels.at(5, 4, 2), LabelValue(0));
        // Erasing writes 0 inside.
        const std::vector<SlicePoint> corner{{1.5, 1.5}, {3.5, 1.5}, {3.5, 3.5}, {1.5, 3.5}};
        QCOMPARE(fillOnce(editor, SlicePlane{2, 3}, corner, 0), int64_t(4));
        QCOMPARE(countValue(labels, 1), int64_t(5));
    }

    // The fill against Qt's even-odd path test, which shares no code with it: the voxel centres
    // filled are exactly those inside the lasso (random real vertices never pass through a
    // centre, so boundary conventions do not matter).
    void randomLassoMatchesAnIndependentInsideTest() {
        std::mt19937 random(11);
        std::uniform_real_distribution<double> coordinate(-3.0, 23.0);
        for (int round = 0; round < 40; ++round) {
            std::vector<SlicePoint> lasso(3 + round % 13);
            QPolygonF outline;
            for (SlicePoint& point : lasso) {
                point = {coordinate(random), coordinate(random)};
                outline << QPointF(point.u, point.v);
            }
            QPainterPath path;
            path.addPolygon(outline);
            path.closeSubpath();
            path.setFillRule(Qt::OddEvenFill);
            LabelVolume labels(editTestGeometry(20, 3, 20));
            LabelEditor editor(labels);
            const int64_t changed = fillOnce(editor, SlicePlane{1, 1}, lasso, 1);
            int64_t inside = 0;
            for (int64_t k = 0; k < 20; ++k) {
                for (int64_t i = 0; i < 20; ++i) {
                    const bool expected = path.contains(QPointF(double(i), double(k)));
                    inside += expected ? 1 : 0;
                    QCOMPARE(labels.at(i, 1, k) == 1, expected);
                }
            }
            QCOMPARE(changed, inside);
        }
    }

    void randomLassoMatchesTheInsideTest() {
        std::mt19937 random(7);
        std::uniform_real_distribution<double> coordinate(-3.0, 23.0);
        for (int round = 0; round < 20; ++round) {
            std::vector<SlicePoint> lasso(3 + round % 9);
            for (SlicePoint& point : lasso) {
                point = {coordinate(random), coordinate(random)};
            }
            LabelVolume labels(editTestGeometry(20, 3, 20));
            LabelEditor editor(labels);
            const SlicePlane plane{1, 1};  // coronal: u = i, v = k
            const int64_t changed = fillOnce(editor, plane, lasso, 1);
            int64_t inside = 0;
            for (int64_t k = 0; k < 20; ++k) {
                for (int64_t i = 0; i < 20; ++i) {
                    const bool expected = PolygonFill::contains(lasso, i, k);
                    inside += expected ? 1 : 0;
                    QCOMPARE(labels.at(i, 1, k) == 1, expected);
                }
            }
            QCOMPARE(changed, inside);
            QCOMPARE(countValue(labels, 1), inside);
        }
    }

    void planeOutsideIsAnError() {
        LabelVolume labels(editTestGeometry(4, 4, 4));
        LabelEditor editor(labels);
        editor.beginStroke();
        QVERIFY_THROWS_EXCEPTION(
            std::invalid_argument,
            PolygonFill::fill(editor, SlicePlane{2, 4}, {{0, 0}, {1, 0}, {1, 1}}, 1));
        editor.cancelStroke();
    }
};

QTEST_APPLESS_MAIN(TestEditPolygon)
#include "test_edit_polygon.moc"
