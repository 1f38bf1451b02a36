#include <QtTest/QtTest>

#include <filesystem>
#include <stdexcept>

#include "clusters/ClusterStore.h"
#include "labels/LabelSet.h"
#include "project/Project.h"

using namespace logonet;

namespace {

// A scan row for the assignments to refer to (the importer is tested elsewhere).
int64_t addScanRow(Database& database, const std::string& name) {
    auto insert = database.prepare(
        "INSERT INTO scans (name, path, content_hash, size_x, size_y, size_z, spacing_x, "
        "spacing_y, spacing_z, imported_at) VALUES (?, ?, ?, 8, 8, 4, 1, 1, 1, 'now')");
    insert.bind(1, name).bind(2, "scans/" + name + ".nii.gz").bind(3, "hash-" + name);
    insert.run();
    return database.lastInsertId();
}

Clustering makeClustering(int64_t scanA, int64_t scanB, int64_t k, int firstCluster) {
    Clustering clustering;
    for (int member = 0; member < 2; ++member) {
        Clustering::Member m;
        m.name = "c" + std::to_string(member);
        m.k = k;
        m.columns = 3;
        m.inertia = 12.5 + member;
        m.settings["axis"] = "axial";
        for (int64_t i = 0; i < k * 3; ++i) {
            m.centroids.push_back(static_cast<float>(i) + 0.5f * member);
        }
        for (int64_t slice = 0; slice < 4; ++slice) {
            m.assignments.push_back({scanA, 2, slice, (firstCluster + slice) % k, 0.25 * slice});
            m.assignments.push_back({scanB, 2, slice, (firstCluster + 2 * slice) % k, 1.0});
        }
        clustering.members.push_back(std::move(m));
    }
    return clustering;
}

}  // namespace

class ClusterStoreTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void assignmentsAreStoredAndReadBack() {
        QTemporaryDir folder;
        const std::string dir = folder.filePath("p").toStdString();
        Project project = Project::create(dir, LabelSet::btcv());
        const int64_t a = addScanRow(project.database(), "a");
        const int64_t b = addScanRow(project.database(), "b");
        ClusterStore store(project.database(), dir);
        store.replace(makeClustering(a, b, 5, 1));

        const auto clusterers = store.clusterers();
        QCOMPARE(clusterers.size(), size_t{2});
        QCOMPARE(clusterers[1].name, std::string("c1"));
        QCOMPARE(clusterers[1].k, int64_t{5});
        QCOMPARE(clusterers[1].inertia, 13.5);
        QCOMPARE(clusterers[1].settings.value("axis", ""), std::string("axial"));
        const auto centroids = store.readCentroids(clusterers[1]);
        QCOMPARE(centroids.size(), size_t{15});
        QCOMPARE(centroids[4], 4.5f);
        const auto slices = store.assignments(clusterers[0].id, b, 2);
        QCOMPARE(slices.size(), size_t{4});
        QCOMPARE(slices[3].sliceIndex, int64_t{3});
        QCOMPARE(slices[3].cluster, int64_t{(1 + 6) % 5});
        QCOMPARE(store.assignments(clusterers[0].id, a, 2)[2].distance, 0.5);
        QCOMPARE(store.assignmentCount(), int64_t{16});

        // A second clustering replaces the first, files included.
        const std::string oldFile = dir + "/" + clusterers[0].centroidsPath;
        store.replace(makeClustering(a, b, 3, 0));
        QVERIFY(!std::filesystem::exists(oldFile));
        QCOMPARE(store.clusterers().front().k, int64_t{3});
        QCOMPARE(store.assignmentCount(), int64_t{16});
    }

    void clusterSizesMembersAndNearestSlices() {
        QTemporaryDir folder;
        const std::string dir = folder.filePath("p").toStdString();
        Project project = Project::create(dir, LabelSet::btcv());
        const int64_t a = addScanRow(project.database(), "a");
        const int64_t b = addScanRow(project.database(), "b");
        ClusterStore store(project.database(), dir);
        store.replace(makeClustering(a, b, 5, 1));
        // Clusterer c0: scan a's slices 0..3 in clusters 1, 2, 3, 4 (distances 0, .25, .5, .75),
        // scan b's in clusters 1, 3, 0, 2 (distance 1).
        const int64_t c0 = store.clusterers().front().id;
        const std::vector<std::pair<int64_t, int64_t>> sizes{
            {0, 1}, {1, 2}, {2, 2}, {3, 2}, {4, 1}};
        QCOMPARE(store.clusterSizes(c0), sizes);
        const auto members = store.clusterMembers(c0, 1);
        QCOMPARE(members.size(), size_t{2});
        QCOMPARE(members[0].scanId, a);  // nearest first
        QCOMPARE(members[0].sliceIndex, int64_t{0});
        QCOMPARE(members[1].scanId, b);
        QCOMPARE(members[1].cluster, int64_t{1});
        const auto second = store.clusterMembers(c0, 1, 1, 1);
        QCOMPARE(second.size(), size_t{1});
        QCOMPARE(second[0].scanId, b);
        const auto nearest = store.nearestMembers(c0, 1);
        QCOMPARE(nearest.size(), size_t{5});
        const int64_t scans[5] = {b, a, a, a, a};
        const int64_t slices[5] = {2, 0, 1, 2, 3};
        for (size_t n = 0; n < 5; ++n) {
            QCOMPARE(nearest[n].cluster, int64_t(n));
            QCOMPARE(nearest[n].scanId, scans[n]);
            QCOMPARE(nearest[n].sliceIndex, slices[n]);
        }
        QCOMPARE(store.nearestMembers(c0, 2).size(), size_t{8});
    }

    void anInterruptedClusteringKeepsThePreviousOne() {
        QTemporaryDir folder;
        const std::string dir = folder.filePath("p").toStdString();
        Project project = Project::create(dir, LabelSet::btcv());
        const int64_t a = addScanRow(project.database(), "a");
        const int64_t b = addScanRow(project.database(), "b");
        ClusterStore store(project.database(), dir);
        store.replace(makeClustering(a, b, 5, 1));
        const auto before = store.clusterers();

        // Cancelled after the first of two clusterers was written.
        QVERIFY_THROWS_EXCEPTION(
            std::runtime_error,
            store.replace(makeClustering(a, b, 3, 0), [](int64_t done, int64_t) {
                if (done == 1) {
                    throw std::runtime_error("cancelled");
                }
            }));
        const auto after = store.clusterers();
        QCOMPARE(after.size(), before.size());
        QCOMPARE(after[0].id, before[0].id);
        QCOMPARE(after[0].k, int64_t{5});
        QCOMPARE(store.readCentroids(after[0]).size(), size_t{15});
        QCOMPARE(store.assignments(after[0].id, b, 2)[3].cluster, int64_t{(1 + 6) % 5});
        // No centroid file of the cancelled run is left behind.
        int files = 0;
        for (const auto& entry : std::filesystem::directory_iterator(dir + "/clusters")) {
            (void)entry;
            ++files;
        }
        QCOMPARE(files, 2);

        // A clusterer whose centroids do not match K is refused, also without damage.
        Clustering broken = makeClustering(a, b, 3, 0);
        broken.members[1].centroids.pop_back();
        QVERIFY_THROWS_EXCEPTION(StorageError, store.replace(broken));
        QCOMPARE(store.clusterers()[0].id, before[0].id);
    }

    // A clusterer's crop and axis come from its settings; a clustering stored before they were,
    // or with an axis this build does not know, reads as the defaults (96, axial).
    void cropAndAxisOfAClusterer() {
        ClustererRecord record;
        QCOMPARE(clustererCrop(record), int64_t{96});
        QVERIFY(clustererAxis(record) == SliceAxis::Axial);
        record.settings = Json(Json::Object{{"crop", Json(int64_t{32})}, {"axis", "coronal"}});
        QCOMPARE(clustererCrop(record), int64_t{32});
        QVERIFY(clustererAxis(record) == SliceAxis::Coronal);
        record.settings = Json(Json::Object{{"axis", "oblique"}});
        QVERIFY(clustererAxis(record) == SliceAxis::Axial);
    }
};

QTEST_GUILESS_MAIN(ClusterStoreTest)
#include "test_clusters.moc"
