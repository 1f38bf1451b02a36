#include <QtTest>

#include "editing/LabelEditor.h"
#include "test_edit_volumes.h"

using namespace logonet;

namespace {

// One row of ten voxels holding 0 0 1 1 2 2 0 1 2 0.
LabelVolume mixedRow() {
    return LabelVolume(editTestGeometry(10, 1, 1),
                       std::vector<LabelValue>{0, 0, 1, 1, 2, 2, 0, 1, 2, 0});
}

std::vector<LabelValue> paintRow(LabelVolume labels, const DrawOverRule& rule, LabelValue value,
                                 const ImageVolume* image = nullptr) {
    LabelEditor editor = image ? LabelEditor(labels, *image) : LabelEditor(labels);
    editor.setRule(rule);
    editor.beginStroke();
    editor.writeRow(0, 9, 0, 0, value);
    editor.endStroke();
    return labels.voxels();
}

}  // namespace

class TestEditRules : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void drawOverEverything() {
        QCOMPARE(paintRow(mixedRow(), DrawOverRule::everything(), 3),
                 std::vector<LabelValue>(10, 3));
    }

    void drawOverBackgroundOnly() {
        const std::vector<LabelValue> expected{3, 3, 1, 1, 2, 2, 3, 1, 2, 3};
        QCOMPARE(paintRow(mixedRow(), DrawOverRule::backgroundOnly(), 3), expected);
    }

    void drawOverOneLabel() {
        const std::vector<LabelValue> expected{0, 0, 3, 3, 2, 2, 0, 3, 2, 0};
        QCOMPARE(paintRow(mixedRow(), DrawOverRule::onlyLabel(1), 3), expected);
        // The eraser is a brush writing 0: limited to label 2 it leaves label 1 alone.
        const std::vector<LabelValue> erased{0, 0, 1, 1, 0, 0, 0, 1, 0, 0};
        QCOMPARE(paintRow(mixedRow(), DrawOverRule::onlyLabel(2), 0), erased);
    }

    void intensityLimits() {
        ImageVolume image(editTestGeometry(10, 1, 1));
        for (int i = 0; i < 10; ++i) {
            image.at(i, 0, 0) = static_cast<float>(i * 10);  // 0, 10, ..., 90
        }
        const std::vector<LabelValue> limited{0, 0, 1, 4, 4, 4, 4, 1, 2, 0};
        QCOMPARE(
            paintRow(mixedRow(), DrawOverRule::everything().withIntensityRange(30, 60), 4, &image),
            limited);
        // Both filters at once: background and within [0, 65].
        const std::vector<LabelValue> both{4, 4, 1, 1, 2, 2, 4, 1, 2, 0};
        QCOMPARE(paintRow(mixedRow(), DrawOverRule::backgroundOnly().withIntensityRange(0, 65), 4,
                          &image),
                 both);
    }

    void mistakesAreReported() {
        LabelVolume labels = mixedRow();
        LabelEditor editor(labels);
        QVERIFY_THROWS_EXCEPTION(
            std::invalid_argument,
            editor.setRule(DrawOverRule::everything().withIntensityRange(0, 1)));
        QVERIFY_THROWS_EXCEPTION(std::logic_error, editor.writeRow(0, 9, 0, 0, 1));
        ImageVolume other(editTestGeometry(10, 2, 1));
        try {
            LabelEditor mismatched(labels, other);
            QFAIL("a label map on another grid was accepted");
        } catch (const std::invalid_argument& error) {
            QVERIFY(QString(error.what()).contains("10x2x1"));
        }
        ImageVolume image(editTestGeometry(10, 1, 1));
        LabelEditor withImage(labels, image);
        QVERIFY_THROWS_EXCEPTION(
            std::invalid_argument,
            withImage.setRule(DrawOverRule::everything().withIntensityRange(5, 1)));
    }

    void cancelRestoresAndRecordsTheFirstOldValue() {
        LabelVolume labels = mixedRow();
        const std::vector<LabelValue> original = labels.voxels();
        LabelEditor editor(labels);
        editor.beginStroke();
        editor.writeRow(0, 9, 0, 0, 5);
        editor.writeRow(2, 4, 0, 0, 6);
        QCOMPARE(editor.strokeVoxelCount(), int64_t(13));
        editor.cancelStroke();
        QCOMPARE(labels.voxels(), original);

        // Painting 5 then 6 over a voxel is one change from its first value to its last.
        editor.beginStroke();
        editor.writeRow(0, 9, 0, 0, 5);
        editor.writeRow(2, 4, 0, 0, 6);
        editor.writeRow(0, 1, 0, 0, 0);  // back to what it was: no change at all
        const LabelDelta delta = editor.endStroke();
        QCOMPARE(delta.voxelCount(), int64_t(8));
        delta.revert(labels);
        QCOMPARE(labels.voxels(), original);
        delta.apply(labels);
        const std::vector<LabelValue> painted{0, 0, 6, 6, 6, 5, 5, 5, 5, 5};
        QCOMPARE(labels.voxels(), painted);
        QVERIFY(!delta.region().empty());
        QCOMPARE(delta.region().lo[0], int64_t(2));
        QCOMPARE(delta.region().hi[0], int64_t(9));
    }
};

QTEST_APPLESS_MAIN(TestEditRules)
#include "test_edit_rules.moc"
