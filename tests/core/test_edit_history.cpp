#include <QtTest>

#include <random>

#include "editing/BrushTool.h"
#include "editing/ConnectedComponents.h"
#include "editing/LabelEditHistory.h"
#include "editing/LabelEditor.h"
#include "editing/LabelOperations.h"
#include "editing/PolygonFill.h"
#include "editing/RegionFill.h"
#include "test_edit_volumes.h"

using namespace logonet;

namespace {

// One random edit of any tool, as one stroke; returns its name.
std::string randomEdit(LabelEditor& editor, std::mt19937& random) {
    const Size3& size = editor.labels().size();
    auto pick = [&](int64_t n) { return std::uniform_int_distribution<int64_t>(0, n - 1)(random); };
    auto voxel = [&]() { return Size3{pick(size[0]), pick(size[1]), pick(size[2])}; };
    const LabelValue value = static_cast<LabelValue>(pick(5));
    const int rule = static_cast<int>(pick(3));
    editor.setRule(rule == 0   ? DrawOverRule::everything()
                   : rule == 1 ? DrawOverRule::backgroundOnly()
                               : DrawOverRule::onlyLabel(static_cast<LabelValue>(pick(5))));
    editor.beginStroke();
    std::string name;
    switch (pick(6)) {
        case 0:
        case 1: {
            BrushOptions options;
            options.radius = static_cast<double>(pick(4));
            options.shape = pick(2) ? BrushOptions::Shape::Round : BrushOptions::Shape::Square;
            options.extent = pick(2) ? BrushOptions::Extent::Volume : BrushOptions::Extent::Slice;
            options.axis = static_cast<int>(pick(3));
            BrushTool brush(editor, options, value);
            Size3 at = voxel();
            brush.dab(at);
            for (int n = 0; n < 4; ++n) {
                const Size3 next = voxel();
                brush.drag(at, next);
                at = next;
            }
            name = "Brush stroke";
            break;
        }
        case 2: {
            FillOptions options;
            options.slice = pick(2) == 0;
            options.axis = static_cast<int>(pick(3));
            RegionFill::fill(editor, voxel(), value, options);
            name = "Fill";
            break;
        }
        case 3: {
            std::vector<SlicePoint> outline;
            for (int n = 0; n < 5; ++n) {
                outline.push_back({static_cast<double>(pick(24)), static_cast<double>(pick(24))});
            }
            const int axis = static_cast<int>(pick(3));
            PolygonFill::fill(editor, SlicePlane{axis, pick(size[axis])}, outline, value);
            name = "Polygon";
            break;
        }
        case 4:
            LabelOperations::merge(editor, static_cast<LabelValue>(1 + pick(4)), value);
            name = "Merge";
            break;
        default:
            ConnectedComponents::removeSmallerThan(editor, static_cast<LabelValue>(1 + pick(4)), 6);
            name = "Islands";
            break;
    }
    return name;
}

}  // namespace

class TestEditHistory : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void undoRedoRestoresEveryStateBitForBit() {
        for (unsigned seed : {1u, 2u, 3u}) {
            std::mt19937 random(seed);
            LabelVolume labels(editTestGeometry(24, 20, 16));
            LabelEditor editor(labels);
            LabelEditHistory history;
            // states[n] is the label map with the first n steps of the history applied.
            std::vector<std::vector<LabelValue>> states{labels.voxels()};
            for (int action = 0; action < 120; ++action) {
                const int roll = std::uniform_int_distribution<int>(0, 9)(random);
                if (roll < 2 && history.canUndo()) {
                    history.undo(labels);
                } else if (roll < 4 && history.canRedo()) {
                    history.redo(labels);
                } else {
                    const std::string name = randomEdit(editor, random);
                    const LabelDelta delta = editor.endStroke();
                    if (history.push(name, delta)) {
                        states.resize(history.appliedCount());
                        states.push_back(labels.voxels());
                    } else {
                        QCOMPARE(labels.voxels(), states[history.appliedCount()]);
                    }
                }
                QCOMPARE(states.size(), history.size() + 1);
                QVERIFY2(labels.voxels() == states[history.appliedCount()],
                         qPrintable(QString("seed %1 action %2").arg(seed).arg(action)));
            }
            while (history.undo(labels)) {
                QVERIFY(labels.voxels() == states[history.appliedCount()]);
            }
            QVERIFY(labels.voxels() == states[0]);
            while (history.redo(labels)) {
                QVERIFY(labels.voxels() == states[history.appliedCount()]);
            }
        }
    }

    void deltaBytesRoundTripAndCorruptionIsCaught() {
        LabelVolume labels(editTestGeometry(30, 30, 30));
        LabelEditor editor(labels);
        BrushTool brush(editor,
                        BrushOptions{BrushOptions::Shape::Round, BrushOptions::Extent::Volume, 2,
                                     6.0, BrushOptions::Unit::Voxels},
                        7);
        editor.beginStroke();
        brush.dab({10, 10, 10});
        brush.drag({10, 10, 10}, {20, 14, 18});
        const LabelDelta delta = editor.endStroke();
        const LabelDelta copy = LabelDelta::fromBytes(delta.bytes(), labels.size());
        QCOMPARE(copy.voxelCount(), delta.voxelCount());
        QCOMPARE(copy.runCount(), delta.runCount());
        QCOMPARE(copy.region().lo, delta.region().lo);
        QCOMPARE(copy.region().hi, delta.region().hi);
        LabelVolume blank(labels.geometry());
        copy.apply(blank);
        QVERIFY(blank.voxels() == labels.voxels());

        std::vector<uint8_t> truncated = delta.bytes();
        truncated.pop_back();
        truncated.back() |= 0x80;  // a number that never ends
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 LabelDelta::fromBytes(truncated, labels.size()));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 LabelDelta::fromBytes(delta.bytes(), Size3{10, 10, 10}));
        LabelVolume smaller(editTestGeometry(30, 30, 29));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, delta.revert(smaller));
    }

    void memoryFollowsTheEditNotTheVolume() {
        LabelVolume labels(editTestGeometry(256, 256, 64));
        LabelEditor editor(labels);
        BrushOptions options;
        options.radius = 5.0;
        BrushTool brush(editor, options, 1);
        editor.beginStroke();
        brush.dab({100, 100, 30});
        const LabelDelta delta = editor.endStroke();
        QCOMPARE(delta.voxelCount(), brush.footprint().voxelCount());
        // About 90 rows of a few bytes each, for a 4-million-voxel volume.
        QVERIFY2(delta.memoryBytes() < 1024, qPrintable(QString::number(delta.memoryBytes())));
        LabelEditHistory history;
        history.push("Brush stroke (label 1)", delta);
        QVERIFY(history.memoryBytes() < 2048);
        QVERIFY(history.memoryBytes() >= delta.bytes().size());
    }

    void capDropsTheOldestButKeepsTheLastFew() {
        LabelVolume labels(editTestGeometry(40, 40, 40));
        LabelEditor editor(labels);
        LabelEditHistory::Options options;
        options.memoryCapBytes = 1500;
        options.minimumSteps = 3;
        LabelEditHistory history(options);
        std::vector<std::vector<LabelValue>> states{labels.voxels()};
        for (int n = 0; n < 12; ++n) {
            BrushOptions sphere;
            sphere.radius = 3.0;
            BrushTool brush(editor, sphere, static_cast<LabelValue>(n + 1));
            editor.beginStroke();
            brush.dab({3 + 3 * n, 3 + 3 * n, 3 + 3 * n});
            history.push("Brush stroke " + std::to_string(n), editor.endStroke());
            states.push_back(labels.voxels());
            QVERIFY(history.memoryBytes() <= options.memoryCapBytes || history.size() <= 3);
        }
        QVERIFY(history.droppedCount() > 0);
        QCOMPARE(history.size() + history.droppedCount(), size_t(12));
        QCOMPARE(history.names().back(), std::string("Brush stroke 11"));
        QCOMPARE(history.names().front(), "Brush stroke " + std::to_string(history.droppedCount()));
        // What is kept still undoes exactly.
        while (history.undo(labels)) {
            QVERIFY(labels.voxels() == states[history.droppedCount() + history.appliedCount()]);
        }
        // A cap far too small keeps the newest three even so.
        history.redo(labels);
        history.setMemoryCap(1);
        QCOMPARE(history.size(), size_t(3));
        QVERIFY(history.memoryBytes() > 1);
        history.clear();
        QCOMPARE(history.memoryBytes(), size_t(0));
        QVERIFY(!history.push("Nothing", LabelDelta{}));
    }
};

QTEST_APPLESS_MAIN(TestEditHistory)
#include "test_edit_history.moc"
