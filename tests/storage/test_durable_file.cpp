// fs/DurableFile (unique temporary names, write-then-rename) and the project integrity check
// behind `logonet check`, each fault made by hand and named in the report.
#include <QtTest>

#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "fs/DurableFile.h"
#include "import/ContentHash.h"
#include "import/ScanImporter.h"
#include "integrity/ProjectCheck.h"
#include "io/ImageWriter.h"
#include "journal/EditJournal.h"
#include "project/Project.h"
#include "test_durability_volumes.h"

namespace fs = std::filesystem;
using namespace logonet;

namespace {

std::string readWhole(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

bool names(const std::vector<ProjectCheckFinding>& findings, const std::string& file,
           const std::string& word) {
    for (const ProjectCheckFinding& finding : findings) {
        if (finding.file == file && finding.what.find(word) != std::string::npos) {
            return true;
        }
    }
    return false;
}

std::string describe(const ProjectCheckReport& report) {
    return report.toJson().dump();
}

}  // namespace

class TestDurableFile : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void temporaryNamesAreUniqueAcrossCallsAndProcesses() {
        std::set<std::string> seen;
        for (int n = 0; n < 10000; ++n) {
            const std::string name = uniqueTemporaryPath("/p/labels/3.nii.gz");
            QVERIFY(seen.insert(name).second);
            QVERIFY(isTemporaryName(fs::path(name).filename().string()));
            QVERIFY(name.rfind("/p/labels/.tmp-3-", 0) == 0);
            QVERIFY(name.size() > 7 && name.compare(name.size() - 7, 7, ".nii.gz") == 0);
        }
        // A second process (the engine beside the workstation) in the same second.
        int pipeEnds[2];
        QCOMPARE(::pipe(pipeEnds), 0);
        const pid_t child = ::fork();
        if (child == 0) {
            const std::string name = uniqueTemporaryPath("/p/labels/3.nii.gz") + "\n";
            const ssize_t written = ::write(pipeEnds[1], name.data(), name.size());
            ::_exit(written == static_cast<ssize_t>(name.size()) ? 0 : 1);
        }
        ::close(pipeEnds[1]);
        char buffer[512] = {};
        const ssize_t got = ::read(pipeEnds[0], buffer, sizeof buffer - 1);
        ::close(pipeEnds[0]);
        int status = 0;
        ::waitpid(child, &status, 0);
        QVERIFY(got > 0);
        std::string childName(buffer, static_cast<size_t>(got));
        childName.pop_back();
        QVERIFY2(seen.count(childName) == 0, childName.c_str());
        QVERIFY(!isTemporaryName("3_v1.nii.gz"));
        // The format's extension stays last; long or many-dotted names stay under 255 bytes.
        const auto fileOf = [](const std::string& path) {
            return fs::path(uniqueTemporaryPath(path)).filename().string();
        };
        const auto endsWith = [](const std::string& text, const std::string& end) {
            return text.size() >= end.size() &&
                   text.compare(text.size() - end.size(), end.size(), end) == 0;
        };
        QVERIFY(endsWith(fileOf("/p/runs/config.json"), ".json"));
        QVERIFY(endsWith(fileOf("/p/1.2.840.113619.2.55.nii.gz"), ".55.nii.gz") == false);
        QVERIFY(endsWith(fileOf("/p/1.2.840.113619.2.55.nii.gz"), ".nii.gz"));
        QVERIFY(endsWith(fileOf("/p/x.mha"), ".mha"));
        QVERIFY(fileOf("/p/" + std::string(250, 'a') + ".nii.gz").size() <= 255);
        QVERIFY(fileOf("/p/" + std::string(120, '1') + std::string(120, '.') + "nii").size() <=
                255);
    }

    void writesReplacesAndLeavesNoTemporaryFile() {
        QTemporaryDir folder;
        const std::string target = folder.filePath("state.json").toStdString();
        writeFileDurably(target, std::string("first"));
        QCOMPARE(readWhole(target), std::string("first"));
        writeFileDurably(target, std::string("second, longer"));
        QCOMPARE(readWhole(target), std::string("second, longer"));
        // A writer that fails: the old file stays, no temporary file is left.
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 writeFileDurably(target, [](const std::string& temporary) {
                                     std::ofstream(temporary) << "half";
                                     throw std::runtime_error("disk full");
                                 }));
        QCOMPARE(readWhole(target), std::string("second, longer"));
        int entries = 0;
        for (const auto& entry : fs::directory_iterator(folder.path().toStdString())) {
            QVERIFY2(!isTemporaryName(entry.path().filename().string()), entry.path().c_str());
            ++entries;
        }
        QCOMPARE(entries, 1);
        // A folder that does not exist: the message names the file.
        const std::string nowhere = folder.filePath("missing/state.json").toStdString();
        try {
            writeFileDurably(nowhere, std::string("x"));
            QFAIL("no error for a missing folder");
        } catch (const DurableWriteError& error) {
            QVERIFY2(std::string(error.what()).find(nowhere) != std::string::npos, error.what());
        }
    }

    // The workstation and the engine save label versions of one scan at the same time: the
    // temporary names used to be ".new-<scan>-<second>", the same for both within a second.
    void twoProcessesSaveIntoOneProjectAtOnce() {
        QTemporaryDir folder;
        const std::string dir = folder.filePath("project").toStdString();
        {
            Project project = Project::create(dir, LabelSet::btcv());
            const std::string source = folder.filePath("first.nii.gz").toStdString();
            writeImage(durabilityTestScan(-1), source);
            ImportItem item;
            item.name = "first";
            item.imagePath = source;
            ScanImporter(project).importOne(item, ImportOptions{});
        }
        QProcess a;
        QProcess b;
        a.start(DURABILITY_HELPER,
                {QString::fromStdString(dir), folder.filePath("a"), "0", "25", "shared"});
        b.start(DURABILITY_HELPER,
                {QString::fromStdString(dir), folder.filePath("b"), "1000", "25", "shared"});
        QVERIFY(a.waitForFinished(60000) && b.waitForFinished(60000));
        QVERIFY2(a.exitCode() == 0, a.readAllStandardError().constData());
        QVERIFY2(b.exitCode() == 0, b.readAllStandardError().constData());
        Project project = Project::open(dir);
        int versions = 0;
        for (const QByteArray& line :
             a.readAllStandardOutput().split('\n') + b.readAllStandardOutput().split('\n')) {
            const QList<QByteArray> words = line.split(' ');
            if (words.size() == 5 && words[0] == "saved") {
                const LabelVolume stored = project.loadLabels(words[3].toLongLong());
                QCOMPARE(contentHash(stored), words[4].toStdString());
                ++versions;
            }
        }
        QCOMPARE(versions, 50);
        const ProjectCheckReport report = checkProject(project);
        QVERIFY2(report.sound() && report.leftovers.empty(), describe(report).c_str());
        QCOMPARE(report.labelVersionsChecked, int64_t(50));
        QCOMPARE(report.scansChecked, int64_t(51));
    }

    void checkFindsEachKindOfDamage() {
        QTemporaryDir folder;
        const std::string dir = folder.filePath("project").toStdString();
        Project project = Project::create(dir, LabelSet::btcv());
        const std::string source = folder.filePath("a.nii.gz").toStdString();
        writeImage(durabilityTestScan(1), source);
        ImportItem item;
        item.name = "a";
        item.imagePath = source;
        const int64_t scan = ScanImporter(project).importOne(item, ImportOptions{});
        const LabelVersionRecord v1 =
            project.addLabelVersion(scan, "ground-truth", durabilityTestLabels(1));
        const LabelVersionRecord v2 =
            project.addLabelVersion(scan, "correction", durabilityTestLabels(2));
        const LabelVersionRecord v3 =
            project.addLabelVersion(scan, "correction", durabilityTestLabels(3));
        ProjectCheckReport report = checkProject(project);
        QVERIFY2(report.sound() && report.leftovers.empty(), describe(report).c_str());
        QCOMPARE(report.scansChecked, int64_t(1));
        QCOMPARE(report.labelVersionsChecked, int64_t(3));
        QCOMPARE(report.labelVersionsWithoutHash, int64_t(0));
        // A version saved before schema 5 has no hash: loaded, counted, not a problem.
        project.database().exec("UPDATE label_versions SET content_hash = '' WHERE id = " +
                                std::to_string(v3.id));
        report = checkProject(project);
        QVERIFY2(report.sound(), describe(report).c_str());
        QCOMPARE(report.labelVersionsWithoutHash, int64_t(1));

        // Leftovers of interrupted writes are not losses.
        std::ofstream(project.absolutePath("labels/.tmp-1-99-0-abc.nii.gz")) << "partial";
        std::ofstream(project.absolutePath("labels/1_v9.nii.gz")) << "never committed";
        // An import killed before its commit, whose id the next import reused for another name.
        std::ofstream(project.absolutePath("scans/000001_killed.nii.gz")) << "never committed";
        report = checkProject(project);
        QVERIFY2(report.sound(), describe(report).c_str());
        QVERIFY(names(report.leftovers, "scans/000001_killed.nii.gz", "never committed"));
        QVERIFY(names(report.leftovers, "labels/.tmp-1-99-0-abc.nii.gz", "interrupted"));
        QVERIFY(names(report.leftovers, "labels/1_v9.nii.gz", "never committed"));

        // Damage: a missing file, a file with other voxels, an orphan, a broken journal.
        fs::remove(project.absolutePath(v1.path));
        writeLabelMap(durabilityTestLabels(7), project.absolutePath(v2.path));
        fs::copy_file(project.absolutePath(v3.path), project.absolutePath("labels/1_v2b.nii.gz"));
        const std::string journal = EditJournal::pathFor(dir, std::to_string(scan), "3");
        fs::create_directories(fs::path(journal).parent_path());
        std::ofstream(journal) << "not a journal at all, but long enough to have a header......";
        report = checkProject(project);
        QVERIFY(!report.sound());
        QVERIFY2(names(report.problems, v1.path, "missing"), describe(report).c_str());
        QVERIFY2(names(report.problems, v2.path, "differs"), describe(report).c_str());
        QVERIFY2(names(report.problems, "labels/1_v2b.nii.gz", "no row"), describe(report).c_str());
        QVERIFY2(names(report.problems, "labels/journal/" + std::to_string(scan) + "-3.journal",
                       "cannot be read"),
                 describe(report).c_str());
        QVERIFY(!names(report.problems, v3.path, ""));
        QCOMPARE(report.problems.size(), size_t(4));

        {
            // A damaged database page (of the runs table, which opening does not read):
            // reported as such, before any row is trusted.
            const std::string damagedDir = folder.filePath("damaged").toStdString();
            int64_t page = 0;
            int64_t root = 0;
            {
                Project other = Project::create(damagedDir, LabelSet::btcv());
                other.database().exec(
                    "INSERT INTO runs (name, kind, status, created) VALUES ('a', 'b', 'c', 'd')");
                page = other.database().queryInt("PRAGMA page_size");
                root = other.database().queryInt(
                    "SELECT rootpage FROM sqlite_master WHERE name = 'runs'");
                other.database().exec("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            std::fstream file(damagedDir + "/project.db",
                              std::ios::in | std::ios::out | std::ios::binary);
            file.seekp((root - 1) * page + 8);
            const std::string junk(static_cast<size_t>(page - 16), '\xa5');
            file.write(junk.data(), static_cast<std::streamsize>(junk.size()));
            file.close();
            Project other = Project::open(damagedDir);
            const ProjectCheckReport damaged = checkProject(other);
            QVERIFY2(names(damaged.problems, "project.db", "damaged"), describe(damaged).c_str());
        }

#ifdef LOGONET_ENGINE
        // `logonet check`: exit 1 with one line per problem naming the file; --json the same.
        QProcess engine;
        engine.start(LOGONET_ENGINE, {"check", "--project", QString::fromStdString(dir)});
        QVERIFY(engine.waitForFinished(60000));
        QCOMPARE(engine.exitCode(), 1);
        const QString out = QString::fromUtf8(engine.readAllStandardOutput());
        QCOMPARE(out.count("problem: "), 4);
        QVERIFY2(out.contains(QString::fromStdString(v1.path)), qPrintable(out));
        QVERIFY2(out.contains("leftover (removable): labels/1_v9.nii.gz"), qPrintable(out));
        engine.start(LOGONET_ENGINE, {"check", "--project", QString::fromStdString(dir), "--json"});
        QVERIFY(engine.waitForFinished(60000));
        QCOMPARE(engine.exitCode(), 1);
        Json json = Json::parse(engine.readAllStandardOutput().toStdString());
        QCOMPARE(json[std::string("sound")].asBool(), false);
        QCOMPARE(json[std::string("problems")].size(), size_t(4));
        // Repaired (damaged files removed, v1 and v2 rows dropped): exit 0.
        for (const char* removable :
             {"labels/1_v2b.nii.gz", "labels/1_v9.nii.gz", "scans/000001_killed.nii.gz",
              "labels/.tmp-1-99-0-abc.nii.gz"}) {
            fs::remove(project.absolutePath(removable));
        }
        fs::remove(journal);
        project.database().exec("DELETE FROM label_versions WHERE id IN (" + std::to_string(v1.id) +
                                ", " + std::to_string(v2.id) + ")");
        fs::remove(project.absolutePath(v2.path));
        engine.start(LOGONET_ENGINE, {"check", "--project", QString::fromStdString(dir)});
        QVERIFY(engine.waitForFinished(60000));
        QVERIFY2(engine.exitCode() == 0, engine.readAllStandardOutput().constData());
#endif
    }
};

QTEST_GUILESS_MAIN(TestDurableFile)
#include "test_durable_file.moc"
