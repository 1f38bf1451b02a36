#include <QtTest>

#include <algorithm>

#include "editing/ConnectedComponents.h"
#include "editing/LabelEditor.h"
#include "test_edit_volumes.h"

using namespace logonet;

namespace {

void fillBox(LabelVolume& labels, Size3 lo, Size3 hi, LabelValue value) {
    for (int64_t k = lo[2]; k <= hi[2]; ++k) {
        for (int64_t j = lo[1]; j <= hi[1]; ++j) {
            for (int64_t i = lo[0]; i <= hi[0]; ++i) {
                labels.at(i, j, k) = value;
            }
        }
    }
}

// Label 1: a 5^3 cube, a 2^3 cube, a lone voxel and a voxel touching the big cube's corner;
// label 2 right next to the small cube.
LabelVolume islands() {
    LabelVolume labels(editTestGeometry(20, 20, 20));
    fillBox(labels, {2, 2, 2}, {6, 6, 6}, 1);
    fillBox(labels, {12, 12, 12}, {13, 13, 13}, 1);
    labels.at(17, 3, 15) = 1;
    labels.at(7, 7, 7) = 1;
    labels.at(14, 12, 12) = 2;
    return labels;
}

std::vector<int64_t> sizes(const std::vector<ConnectedComponents::Component>& components) {
    std::vector<int64_t> result;
    for (const auto& component : components) {
        result.push_back(component.voxelCount);
    }
    std::sort(result.begin(), result.end());
    return result;
}

}  // namespace

class TestEditComponents : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void findsComponentsByConnectivity() {
        const LabelVolume labels = islands();
        QCOMPARE(sizes(ConnectedComponents::find(labels, 1)), (std::vector<int64_t>{1, 1, 8, 125}));
        QCOMPARE(
            sizes(ConnectedComponents::find(labels, 1, ConnectedComponents::Connectivity::Full)),
            (std::vector<int64_t>{1, 8, 126}));
        QCOMPARE(sizes(ConnectedComponents::find(labels, 2)), (std::vector<int64_t>{1}));
        QVERIFY(ConnectedComponents::find(labels, 9).empty());
    }

    void removesSmallIslands() {
        LabelVolume labels = islands();
        LabelEditor editor(labels);
        editor.setRule(DrawOverRule::backgroundOnly());  // the user's rule does not block removal
        editor.beginStroke();
        QCOMPARE(ConnectedComponents::removeSmallerThan(editor, 1, 8), int64_t(2));
        editor.endStroke();
        QCOMPARE(countValue(labels, 1), int64_t(133));
        QCOMPARE(labels.at(17, 3, 15), LabelValue(0));
        QCOMPARE(labels.at(12, 12, 12), LabelValue(1));
        QCOMPARE(labels.at(14, 12, 12), LabelValue(2));
    }

    void keepsTheLargest() {
        LabelVolume labels = islands();
        LabelEditor editor(labels);
        editor.beginStroke();
        QCOMPARE(ConnectedComponents::keepLargest(editor, 1), int64_t(10));
        const LabelDelta delta = editor.endStroke();
        QCOMPARE(countValue(labels, 1), int64_t(125));
        QCOMPARE(countValue(labels, 2), int64_t(1));
        delta.revert(labels);
        QCOMPARE(labels.voxels(), islands().voxels());
        editor.beginStroke();
        QCOMPARE(
            ConnectedComponents::keepLargest(editor, 1, ConnectedComponents::Connectivity::Full),
            int64_t(9));
        editor.endStroke();
        QCOMPARE(labels.at(7, 7, 7), LabelValue(1));
    }
};

QTEST_APPLESS_MAIN(TestEditComponents)
#include "test_edit_components.moc"
