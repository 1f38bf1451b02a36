#include <QtTest>

#include "editing/LabelEditHistory.h"
#include "editing/LabelEditor.h"
#include "editing/LabelOperations.h"
#include "editing/LabelStatistics.h"
#include "test_edit_volumes.h"

using namespace logonet;

class TestLabelStatistics : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void countsAndMillilitres() {
        // 2 x 1 x 0.5 mm voxels: 1 mm^3 each, 1000 of them make 1 ml.
        LabelVolume labels(editTestGeometry(10, 10, 20, {2.0, 1.0, 0.5}));
        std::fill(labels.voxels().begin(), labels.voxels().begin() + 1000, LabelValue(4));
        std::fill(labels.voxels().begin() + 1000, labels.voxels().begin() + 1250, LabelValue(9));
        const std::vector<LabelMeasure> measures = LabelStatistics::compute(labels);
        QCOMPARE(measures.size(), size_t(2));
        QCOMPARE(measures[0].value, LabelValue(4));
        QCOMPARE(measures[0].voxels, int64_t(1000));
        QCOMPARE(measures[0].millilitres, 1.0);
        QCOMPARE(measures[1].value, LabelValue(9));
        QCOMPARE(measures[1].millilitres, 0.25);
        QCOMPARE(LabelStatistics::of(labels, 7).voxels, int64_t(0));
        QCOMPARE(LabelStatistics::of(labels, 0).voxels, int64_t(750));
    }

    void mergeAndEraseAreUndoable() {
        LabelVolume labels(editTestGeometry(6, 5, 4));
        for (int64_t n = 0; n < labels.voxelCount(); ++n) {
            labels.voxels()[n] = static_cast<LabelValue>(n % 4);
        }
        const std::vector<LabelValue> original = labels.voxels();
        LabelEditor editor(labels);
        editor.setRule(DrawOverRule::backgroundOnly());  // whole-label edits ignore the brush rule
        LabelEditHistory history;
        editor.beginStroke();
        QCOMPARE(LabelOperations::merge(editor, 1, 2), int64_t(30));
        history.push("Merge label 1 into label 2", editor.endStroke());
        QCOMPARE(LabelStatistics::of(labels, 1).voxels, int64_t(0));
        QCOMPARE(LabelStatistics::of(labels, 2).voxels, int64_t(60));
        editor.beginStroke();
        QCOMPARE(LabelOperations::erase(editor, 3), int64_t(30));
        history.push("Delete label 3", editor.endStroke());
        QCOMPARE(LabelStatistics::of(labels, 0).voxels, int64_t(60));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, LabelOperations::merge(editor, 0, 2));
        history.undo(labels);
        history.undo(labels);
        QCOMPARE(labels.voxels(), original);
    }
};

QTEST_APPLESS_MAIN(TestLabelStatistics)
#include "test_label_statistics.moc"
