// Review verdicts per label version: the schema migration from version 2 (the first release's
// free-form reviews table kept, rebuilt with the three verdicts), the round trip through
// ReviewStore, and the refusals (a version of another scan, an unknown status).
#include <QTemporaryDir>
#include <QtTest>

#include "project/Project.h"
#include "project/ProjectSchema.h"
#include "reviews/ReviewStore.h"

using namespace logonet;

namespace {

// Two scans with one version each, written as SQL so the database stays at its old version.
void addScansAndVersions(Database& db) {
    db.exec(
        "INSERT INTO scans (id, name, path, content_hash, size_x, size_y, size_z, spacing_x, "
        "spacing_y, spacing_z, imported_at) VALUES "
        "(1, 'a', 'scans/a.nii.gz', 'h1', 4, 4, 4, 1, 1, 1, 'then'),"
        "(2, 'b', 'scans/b.nii.gz', 'h2', 4, 4, 4, 1, 1, 1, 'then');"
        "INSERT INTO label_versions (id, scan_id, kind, run_name, path, created) VALUES "
        "(10, 1, 'prediction', 'r', 'labels/a_p.nii.gz', 'then'),"
        "(20, 2, 'ground-truth', '', 'labels/b_gt.nii.gz', 'then');");
}

}  // namespace

class TestReviews : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void migratesFromVersion2KeepingOldReviews() {
        QTemporaryDir dir;
        const std::string path = dir.path().toStdString();
        {
            Database db = Database::open(path + "/project.db", Database::Mode::ReadWriteCreate);
            ProjectSchema::createVersion1(db);
            ProjectSchema::migrate(db, 2);
            QCOMPARE(ProjectSchema::version(db), 2);
            addScansAndVersions(db);
            // Version 2 took any status and no version at all.
            db.exec(
                "INSERT INTO reviews (id, scan_id, version_id, status, comment, time) VALUES "
                "(1, 1, 10, 'accepted', 'fine', 't1'),"
                "(2, 1, 10, 'wip', 'look again', 't2'),"
                "(3, 2, NULL, 'rejected', 'no version given', 't3')");
        }
        Project project = Project::open(path);
        QCOMPARE(project.schemaVersion(), Project::kSchemaVersion);
        QCOMPARE(ProjectSchema::version(project.database()), ProjectSchema::kLatestVersion);
        ReviewStore reviews(project.database());
        const std::vector<ReviewRecord> history = reviews.history(10);
        QCOMPARE(history.size(), size_t(2));
        QCOMPARE(history[0].status, ReviewStatus::Accepted);
        QCOMPARE(history[0].comment, std::string("fine"));
        QCOMPARE(history[0].time, std::string("t1"));
        // An unknown word becomes "needs correction", with the word kept in the comment.
        QCOMPARE(history[1].status, ReviewStatus::NeedsCorrection);
        QCOMPARE(history[1].comment, std::string("[wip] look again"));
        // A review without a version goes to the scan's newest version.
        const auto onB = reviews.latest(20);
        QVERIFY(onB);
        QCOMPARE(onB->status, ReviewStatus::Rejected);
        QCOMPARE(onB->scanId, int64_t(2));
        // The new table refuses what the old one took.
        bool refused = false;
        try {
            project.database().exec(
                "INSERT INTO reviews (scan_id, version_id, status, time) VALUES (1, 10, 'meh', "
                "'t')");
        } catch (const StorageError&) {
            refused = true;
        }
        QVERIFY(refused);
    }

    void statusRoundTrip() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("p").toStdString();
        {
            Project project = Project::create(path, LabelSet::btcv());
            QCOMPARE(project.schemaVersion(), Project::kSchemaVersion);
            addScansAndVersions(project.database());
            ReviewStore reviews(project.database());
            QVERIFY(!reviews.latest(10));
            reviews.record(1, 10, ReviewStatus::NeedsCorrection, "spleen tip missed");
            const ReviewRecord last = reviews.record(1, 10, ReviewStatus::Rejected, "");
            QVERIFY(last.id > 0);
            QVERIFY(!last.time.empty());
        }
        // Read back through a new handle, as a reopened workstation would.
        Project project = Project::open(path);
        ReviewStore reviews(project.database());
        const auto latest = reviews.latest(10);
        QVERIFY(latest);
        QCOMPARE(latest->status, ReviewStatus::Rejected);
        QCOMPARE(latest->versionId, int64_t(10));
        const auto history = reviews.history(10);
        QCOMPARE(history.size(), size_t(2));
        QCOMPARE(history[0].status, ReviewStatus::NeedsCorrection);
        QCOMPARE(history[0].comment, std::string("spleen tip missed"));
        QVERIFY(!reviews.latest(20));
    }

    void refusals() {
        QTemporaryDir dir;
        Project project = Project::create(dir.filePath("p").toStdString(), LabelSet::btcv());
        addScansAndVersions(project.database());
        ReviewStore reviews(project.database());
        try {
            reviews.record(2, 10, ReviewStatus::Accepted, "");
            QFAIL("a version of another scan was accepted");
        } catch (const StorageError& error) {
            QVERIFY2(std::string(error.what()).find("not a version of scan 2") != std::string::npos,
                     error.what());
        }
        QVERIFY(reviews.history(10).empty());
        QVERIFY_THROWS_EXCEPTION(StorageError, ReviewStore::parseStatus("fine"));
        for (const ReviewStatus status :
             {ReviewStatus::Accepted, ReviewStatus::NeedsCorrection, ReviewStatus::Rejected}) {
            QCOMPARE(ReviewStore::parseStatus(ReviewStore::statusName(status)), status);
        }
    }
};

QTEST_MAIN(TestReviews)
#include "test_reviews.moc"
