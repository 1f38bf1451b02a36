// Label surfaces built off the GUI thread: one smoothed mesh per label present, in the scan's
// index frame scaled by spacing; progress is reported and Cancel works.
#include <QSignalSpy>
#include <QTest>

#include "render3d/MeshBuildTask.h"

using namespace logonet;
using namespace logonet::views;

Q_DECLARE_METATYPE(std::vector<logonet::views::LabelMesh>)

namespace {

LabelVolume twoBlocks() {
    ImageGeometry g;
    g.size = {32, 24, 20};
    g.spacing = {1.0, 1.5, 2.0};
    LabelVolume labels(g);
    for (int64_t k = 4; k < 12; ++k) {
        for (int64_t j = 4; j < 12; ++j) {
            for (int64_t i = 4; i < 12; ++i) {
                labels.at(i, j, k) = 6;
                labels.at(i + 14, j + 6, k + 4) = 1;
            }
        }
    }
    return labels;
}

}  // namespace

class TestMeshBuild : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<std::vector<LabelMesh>>(); }

    void buildsOneMeshPerLabel() {
        const LabelVolume labels = twoBlocks();
        std::atomic<bool> cancel{false};
        std::vector<double> progress;
        const auto meshes = buildLabelMeshes(
            labels, [&](double f) { progress.push_back(f); }, cancel);
        QCOMPARE(meshes.size(), size_t{2});
        QCOMPARE(meshes[0].value, LabelValue{1});
        QCOMPARE(meshes[1].value, LabelValue{6});
        QCOMPARE(progress.size(), size_t{2});
        QCOMPARE(progress.back(), 1.0);
        // The liver block spans voxels 4..11: its surface lies around 3.5..11.5 voxels, in mm.
        double bounds[6];
        meshes[1].surface->GetBounds(bounds);
        QVERIFY(meshes[1].surface->GetNumberOfPolys() > 50);
        QVERIFY(std::abs(bounds[0] - 3.5) < 1.0 && std::abs(bounds[1] - 11.5) < 1.0);
        QVERIFY(std::abs(bounds[2] - 3.5 * 1.5) < 1.5 && std::abs(bounds[3] - 11.5 * 1.5) < 1.5);
        QVERIFY(std::abs(bounds[4] - 3.5 * 2.0) < 2.0 && std::abs(bounds[5] - 11.5 * 2.0) < 2.0);
        meshes[0].surface->GetBounds(bounds);
        QVERIFY(bounds[0] > 15.0);  // the spleen block is shifted by 14 voxels in x
    }

    void emptyLabelsGiveNoMeshes() {
        ImageGeometry g;
        g.size = {8, 8, 8};
        std::atomic<bool> cancel{false};
        QVERIFY(buildLabelMeshes(LabelVolume(g), {}, cancel).empty());
        cancel = true;
        QVERIFY(buildLabelMeshes(twoBlocks(), {}, cancel).empty());
    }

    void taskReportsAndCancels() {
        MeshBuildTask task;
        QSignalSpy finished(&task, &MeshBuildTask::finished);
        QSignalSpy cancelled(&task, &MeshBuildTask::cancelled);
        QSignalSpy progress(&task, &MeshBuildTask::progressChanged);
        task.start(twoBlocks());
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished[0][0].value<std::vector<LabelMesh>>().size(), size_t{2});
        QTRY_VERIFY(!progress.isEmpty() && progress.last()[0].toInt() == 100);
        QCOMPARE(cancelled.count(), 0);

        task.start(twoBlocks());
        task.cancel();
        QVERIFY(cancelled.wait(20000));
        QCOMPARE(finished.count(), 1);
    }
};

QTEST_MAIN(TestMeshBuild)
#include "test_mesh_build.moc"
