// The project: create and reopen, the schema migration from version 1, refusals (newer schema,
// opened twice, read-only folder, not a project) and label versions with their checks.
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "import/ScanImporter.h"
#include "io/ImageWriter.h"
#include "phantom/PhantomGenerator.h"
#include "project/Project.h"
#include "project/ProjectSchema.h"

using namespace logonet;
namespace fs = std::filesystem;

namespace {

std::string errorOf(const std::function<void()>& action) {
    try {
        action();
    } catch (const std::exception& error) {
        return error.what();
    }
    return "no error";
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

PhantomCase tinyPhantom(uint64_t seed) {
    PhantomOptions options;
    options.size = {24, 24, 12};
    options.seed = seed;
    return generatePhantom(options);
}

int64_t importTinyScan(Project& project, const std::string& folder) {
    const std::string path = folder + "/tiny.nii.gz";
    writeImage(tinyPhantom(3).image, path);
    ScanImporter importer(project);
    ImportOptions options;
    options.unlabeled = true;
    return importer.importPaths({path}, options).imported.at(0);
}

size_t filesIn(const std::string& folder) {
    size_t count = 0;
    for (const auto& entry : fs::directory_iterator(folder)) {
        (void)entry;
        ++count;
    }
    return count;
}

}  // namespace

class TestProject : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void createThenReopen() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("p").toStdString();
        {
            Project project = Project::create(path, LabelSet::btcv());
            QCOMPARE(project.schemaVersion(), Project::kSchemaVersion);
            QCOMPARE(project.labelSet().size(), size_t(13));
            QCOMPARE(project.scanCount(), int64_t(0));
        }
        for (const char* sub : {"scans", "labels", "cache", "runs"}) {
            QVERIFY(fs::is_directory(fs::path(path) / sub));
        }
        QVERIFY(Project::exists(path));
        Project project = Project::open(path);
        QCOMPARE(project.labelSet().nameOf(6), std::string("liver"));
        QCOMPARE(project.labelSet().find(1)->colour, (std::array<unsigned char, 3>{145, 30, 180}));
        LabelSet smaller = phantomLabelSet();
        project.setLabelSet(smaller);
        QCOMPARE(Project::open(path, Project::Access::Shared).labelSet().size(), size_t(6));
    }

    void createRefusesANonEmptyFolder() {
        QTemporaryDir dir;
        std::ofstream(dir.filePath("something.txt").toStdString()) << "x";
        const std::string message =
            errorOf([&] { Project::create(dir.path().toStdString(), LabelSet::btcv()); });
        QVERIFY2(contains(message, "not empty"), message.c_str());
        const std::string notProject = errorOf([&] { Project::open(dir.path().toStdString()); });
        QVERIFY2(contains(notProject, "is not a project"), notProject.c_str());
    }

    void migratesFromVersion1() {
        QTemporaryDir dir;
        const std::string path = dir.path().toStdString();
        {
            Database db = Database::open(path + "/project.db", Database::Mode::ReadWriteCreate);
            ProjectSchema::createVersion1(db);
            db.exec("INSERT INTO labels VALUES (6, 'liver', 221, 130, 101)");
            db.exec(
                "INSERT INTO scans (name, path, content_hash, size_x, size_y, size_z, spacing_x, "
                "spacing_y, spacing_z, labeled, split, imported_at) VALUES ('old', "
                "'scans/old.nii.gz', 'abc', 4, 5, 6, 1, 1, 2, 0, 'val', '2025-01-01T00:00:00Z')");
            QCOMPARE(ProjectSchema::version(db), 1);
        }
        Project project = Project::open(path);
        QCOMPARE(project.schemaVersion(), Project::kSchemaVersion);
        const std::vector<ScanRecord> scans = project.scans();
        QCOMPARE(scans.size(), size_t(1));
        QCOMPARE(scans[0].name, std::string("old"));
        QCOMPARE(scans[0].split, std::string("val"));
        QCOMPARE(scans[0].size, (Size3{4, 5, 6}));
        QVERIFY(scans[0].tags.empty());
        project.setTags(scans[0].id, {"arterial", "site A"});
        QCOMPARE(project.scan(scans[0].id).tags, (std::vector<std::string>{"arterial", "site A"}));
        // Version 2's tables exist and work with foreign keys.
        project.database().exec(
            "INSERT INTO clusterers (name, k, created) VALUES ('km', 8, 'now');"
            "INSERT INTO slice_assignments VALUES (1, 1, 2, 0, 3, 0.5)");
        QCOMPARE(project.database().queryInt("SELECT cluster FROM slice_assignments"), int64_t(3));
        QCOMPARE(project.labelSet().nameOf(6), std::string("liver"));
    }

    void refusesANewerSchema() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("p").toStdString();
        {
            Project project = Project::create(path, LabelSet::btcv());
            project.database().exec("UPDATE meta SET value = '7' WHERE key = 'schema_version'");
        }
        const std::string message = errorOf([&] { Project::open(path); });
        QVERIFY2(contains(message, "newer version") && contains(message, "schema 7"),
                 message.c_str());
    }

    void refusesASecondOpen() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("p").toStdString();
        {
            Project first = Project::create(path, LabelSet::btcv());
            const std::string message = errorOf([&] { Project::open(path); });
            const std::string expected = "project " + path +
                                         " is already open in another workstation (pid " +
                                         std::to_string(::getpid()) + " on host ";
            QVERIFY2(message.rfind(expected, 0) == 0, message.c_str());
            // The engine's shared access still works alongside.
            QCOMPARE(Project::open(path, Project::Access::Shared).scanCount(), int64_t(0));
        }
        // Closed: the lock is gone.
        Project again = Project::open(path);
        QCOMPARE(again.scanCount(), int64_t(0));
    }

    void refusesAReadOnlyFolder() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("p").toStdString();
        Project::create(path, LabelSet::btcv());
        ::chmod(path.c_str(), 0555);
        const std::string message = errorOf([&] { Project::open(path); });
        ::chmod(path.c_str(), 0755);
        QVERIFY2(message == "project folder " + path +
                                " is read-only: the workstation needs to write its database there",
                 message.c_str());
        const std::string parent = dir.filePath("locked").toStdString();
        fs::create_directory(parent);
        ::chmod(parent.c_str(), 0555);
        const std::string createMessage =
            errorOf([&] { Project::create(parent + "/inner", LabelSet::btcv()); });
        ::chmod(parent.c_str(), 0755);
        QVERIFY2(createMessage.find("is read-only") != std::string::npos, createMessage.c_str());
    }

    void labelVersionsAreCheckedAndKept() {
        QTemporaryDir dir;
        Project project = Project::create(dir.filePath("p").toStdString(), phantomLabelSet());
        const int64_t scanId = importTinyScan(project, dir.path().toStdString());
        QVERIFY(!project.scan(scanId).labeled);
        QVERIFY(!project.currentLabels(scanId).has_value());

        const LabelVolume truth = tinyPhantom(3).labels;
        const LabelVersionRecord gt = project.addLabelVersion(scanId, "ground-truth", truth);
        QVERIFY(project.scan(scanId).labeled);
        QCOMPARE(gt.path,
                 "labels/" + std::to_string(scanId) + "_v" + std::to_string(gt.id) + ".nii.gz");
        LabelVolume predicted = truth;
        predicted.at(3, 3, 3) = 7;
        const LabelVersionRecord prediction =
            project.addLabelVersion(scanId, "prediction", predicted, "run-1");
        LabelVolume corrected = predicted;
        corrected.at(3, 3, 3) = 0;
        const LabelVersionRecord correction =
            project.addLabelVersion(scanId, "correction", corrected, "", prediction.id);

        const std::vector<LabelVersionRecord> versions = project.labelVersions(scanId);
        QCOMPARE(versions.size(), size_t(3));
        QCOMPARE(versions[1].runName, std::string("run-1"));
        QCOMPARE(versions[2].parentVersionId.value(), prediction.id);
        QCOMPARE(project.currentLabels(scanId)->id, correction.id);
        QVERIFY(project.loadLabels(prediction.id).voxels() == predicted.voxels());
        QVERIFY(
            project.loadLabels(gt.id).geometry().sameGrid(project.loadImage(scanId).geometry()));

        // Wrong grid: both sizes in the message; nothing stored.
        const size_t filesBefore = filesIn(project.absolutePath("labels"));
        PhantomOptions other;
        other.size = {24, 24, 10};
        const std::string mismatch = errorOf(
            [&] { project.addLabelVersion(scanId, "correction", generatePhantom(other).labels); });
        QVERIFY2(contains(mismatch, "24x24x10 voxels") && contains(mismatch, "24x24x12 voxels"),
                 mismatch.c_str());
        // Values outside the label set are listed.
        LabelVolume strange = truth;
        strange.at(0, 0, 0) = 14;
        strange.at(1, 0, 0) = 20;
        const std::string unknown =
            errorOf([&] { project.addLabelVersion(scanId, "correction", strange); });
        QVERIFY2(contains(unknown, "label values 14, 20 are not in the label set"),
                 unknown.c_str());
        QCOMPARE(project.labelVersions(scanId).size(), size_t(3));
        QCOMPARE(filesIn(project.absolutePath("labels")), filesBefore);
        QVERIFY(contains(errorOf([&] { project.scan(999); }), "no scan with id 999"));
    }
};

QTEST_GUILESS_MAIN(TestProject)
#include "test_project.moc"
