#include <QtTest>

#include "editing/LabelEditor.h"
#include "editing/RegionFill.h"
#include "test_edit_volumes.h"

using namespace logonet;

namespace {

// A 12^3 volume split by a wall of label 1 at i = 6.
LabelVolume walledVolume() {
    LabelVolume labels(editTestGeometry(12, 12, 12));
    for (int64_t k = 0; k < 12; ++k) {
        for (int64_t j = 0; j < 12; ++j) {
            labels.at(6, j, k) = 1;
        }
    }
    return labels;
}

RegionFill::Result fillOnce(LabelEditor& editor, const Size3& seed, LabelValue value,
                            const FillOptions& options) {
    editor.beginStroke();
    const RegionFill::Result result = RegionFill::fill(editor, seed, value, options);
    editor.endStroke();
    return result;
}

}  // namespace

class TestEditFill : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void existingLabelsBoundTheRegion() {
        LabelVolume labels = walledVolume();
        LabelEditor editor(labels);
        const RegionFill::Result result = fillOnce(editor, {2, 3, 4}, 2, FillOptions{});
        QCOMPARE(result.regionVoxels, int64_t(6 * 12 * 12));
        QCOMPARE(result.changedVoxels, int64_t(6 * 12 * 12));
        QCOMPARE(labels.at(5, 11, 11), LabelValue(2));
        QCOMPARE(labels.at(6, 0, 0), LabelValue(1));
        QCOMPARE(labels.at(7, 0, 0), LabelValue(0));
        QCOMPARE(countValue(labels, 1), int64_t(144));
    }

    void sliceFillStaysOnTheSlice() {
        LabelVolume labels = walledVolume();
        LabelEditor editor(labels);
        FillOptions options;
        options.slice = true;
        options.axis = 2;
        QCOMPARE(fillOnce(editor, {2, 3, 4}, 2, options).regionVoxels, int64_t(6 * 12));
        QCOMPARE(labels.at(0, 0, 4), LabelValue(2));
        QCOMPARE(labels.at(0, 0, 5), LabelValue(0));
        options.axis = 0;  // sagittal slice i = 9, right of the wall
        QCOMPARE(fillOnce(editor, {9, 3, 4}, 3, options).regionVoxels, int64_t(144));
        QCOMPARE(labels.at(9, 11, 11), LabelValue(3));
        QCOMPARE(labels.at(8, 11, 11), LabelValue(0));
    }

    void fillingALabelReplacesIt() {
        LabelVolume labels = walledVolume();
        LabelEditor editor(labels);
        QCOMPARE(fillOnce(editor, {6, 0, 0}, 5, FillOptions{}).changedVoxels, int64_t(144));
        QCOMPARE(countValue(labels, 1), int64_t(0));
        // The draw-over rule still applies: "background only" keeps the wall.
        editor.setRule(DrawOverRule::backgroundOnly());
        QCOMPARE(fillOnce(editor, {6, 0, 0}, 7, FillOptions{}).changedVoxels, int64_t(0));
        QCOMPARE(countValue(labels, 5), int64_t(144));
    }

    void diagonalLineBlocksAFaceConnectedFill() {
        LabelVolume labels(editTestGeometry(10, 10, 1));
        for (int64_t n = 0; n < 10; ++n) {
            labels.at(n, n, 0) = 1;
        }
        LabelEditor editor(labels);
        FillOptions options;
        options.slice = true;
        QCOMPARE(fillOnce(editor, {5, 1, 0}, 2, options).regionVoxels, int64_t(45));
        for (int64_t j = 0; j < 10; ++j) {
            for (int64_t i = 0; i < 10; ++i) {
                const LabelValue expected = i > j ? 2 : (i == j ? 1 : 0);
                QCOMPARE(labels.at(i, j, 0), expected);
            }
        }
    }

    void intensityToleranceLimitsGrowth() {
        LabelVolume labels(editTestGeometry(12, 12, 12));
        ImageVolume image(labels.geometry());
        for (int64_t k = 0; k < 12; ++k) {
            for (int64_t j = 0; j < 12; ++j) {
                for (int64_t i = 0; i < 12; ++i) {
                    image.at(i, j, k) = i < 3 ? 100.0f + static_cast<float>(j % 3) : 0.0f;
                }
            }
        }
        LabelEditor editor(labels, image);
        FillOptions options;
        options.tolerance = 5.0;
        QCOMPARE(fillOnce(editor, {0, 0, 0}, 4, options).regionVoxels, int64_t(3 * 144));
        QCOMPARE(labels.at(2, 11, 11), LabelValue(4));
        QCOMPARE(labels.at(3, 0, 0), LabelValue(0));
        // A tolerance of 1 from an intensity of 100 excludes the rows at 102 (j = 2, 5, ...),
        // which cut the seed's rows j = 0, 1 off from the rest.
        LabelVolume fresh(labels.geometry());
        LabelEditor second(fresh, image);
        options.tolerance = 1.0;
        QCOMPARE(fillOnce(second, {0, 0, 0}, 4, options).regionVoxels, int64_t(3 * 2 * 12));
    }

    void seedOutsideIsAnError() {
        LabelVolume labels(editTestGeometry(4, 4, 4));
        LabelEditor editor(labels);
        editor.beginStroke();
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 RegionFill::fill(editor, {4, 0, 0}, 1, FillOptions{}));
        editor.cancelStroke();
    }
};

QTEST_APPLESS_MAIN(TestEditFill)
#include "test_edit_fill.moc"
