// Files in project and run folders are never reached through a symbolic link (issue 15): a run
// folder from someone else, or fetched from a compromised GPU host, could point its files at
// ~/.bashrc. Each case plants a link to an outside file and checks that the program refuses,
// names the link, and leaves the outside file as it was.
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>

#include "cache/CaseCache.h"
#include "database/StorageError.h"
#include "fs/NoFollowPath.h"
#include "journal/EditJournal.h"
#include "json/Json.h"
#include "project/ProjectLock.h"
#include "remote/EventFollower.h"
#include "run/RunFolder.h"

using namespace logonet;
namespace fs = std::filesystem;

namespace {

const std::string kPrecious = "export PATH=/usr/bin\n";

std::string contents(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A file outside the folders under test, standing for ~/.bashrc.
struct Outside {
    explicit Outside(const QTemporaryDir& dir)
        : file(dir.filePath("home/.bashrc").toStdString()),
          folder(dir.filePath("home").toStdString()) {
        fs::create_directories(folder);
        std::ofstream(file, std::ios::binary) << kPrecious;
    }
    bool untouched() const { return contents(file) == kPrecious; }
    std::string file;
    std::string folder;
};

template <typename Action>
std::string messageOf(Action action) {
    try {
        action();
    } catch (const std::exception& error) {
        return error.what();
    }
    return "no error";
}

}  // namespace

class TestNoFollow : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void linksBelowTheRootAreNamed() {
        QTemporaryDir dir;
        const Outside outside(dir);
        const std::string root = dir.filePath("project").toStdString();
        fs::create_directories(root + "/runs/r1");
        fs::create_symlink(outside.file, root + "/runs/r1/config.json");
        const std::string config = root + "/runs/r1/config.json";
        QCOMPARE(messageOf([&] { refuseLinksBelow(root, config); }),
                 config + " is a symbolic link; refusing to follow it");
        // A linked folder on the way is refused too, whatever lies below it.
        fs::create_directories(root + "/runs");
        fs::create_directory_symlink(outside.folder, root + "/runs/r2");
        QCOMPARE(messageOf([&] { refuseLinksBelow(root, root + "/runs/r2/metrics.json"); }),
                 root + "/runs/r2 is a symbolic link; refusing to follow it");
        // The root itself may be a link (where a user keeps a project is the user's choice),
        // and files that do not exist yet are fine.
        fs::create_directory_symlink(root, dir.filePath("linked project").toStdString());
        const std::string linkedRoot = dir.filePath("linked project").toStdString();
        QCOMPARE(messageOf([&] { refuseLinksBelow(linkedRoot, linkedRoot + "/runs/r1/new"); }),
                 std::string("no error"));
    }

    void jsonFilesAreNotReadThroughLinks() {
        QTemporaryDir dir;
        const Outside outside(dir);
        std::ofstream(outside.file, std::ios::binary) << "{\"secret\": 1}\n";
        const std::string link = dir.filePath("config.json").toStdString();
        fs::create_symlink(outside.file, link);
        QCOMPARE(messageOf([&] { readJsonFile(link); }),
                 link + " is a symbolic link; refusing to follow it");
    }

    void runFolderFilesAreNotFollowed() {
        QTemporaryDir dir;
        const Outside outside(dir);
        const std::string run = dir.filePath("runs/r1").toStdString();
        fs::create_directories(run);
        fs::create_symlink(outside.file, run + "/events.jsonl");
        training::RunFolder folder(run);
        Json event = Json::object();
        event["event"] = "step";
        QCOMPARE(messageOf([&] { folder.appendEvent(event); }),
                 run + "/events.jsonl is a symbolic link; refusing to follow it");
        QVERIFY(outside.untouched());

        fs::create_directory_symlink(outside.folder, run + "/checkpoints");
        QCOMPARE(messageOf([&] { folder.lastCheckpointPath(); }),
                 run + "/checkpoints is a symbolic link; refusing to follow it");
    }

    void theProjectLockIsNotFollowed() {
        QTemporaryDir dir;
        const Outside outside(dir);
        const std::string project = dir.filePath("project").toStdString();
        fs::create_directories(project);
        fs::create_symlink(outside.file, project + "/project.lock");
        const std::string message = messageOf([&] { ProjectLock lock(project); });
        QVERIFY2(
            message.find(project + "/project.lock is a symbolic link; refusing to follow it") !=
                std::string::npos,
            message.c_str());
        // Before, the lock was opened through the link and its holder line written over it.
        QVERIFY(outside.untouched());
    }

    void editJournalsAreNotFollowed() {
        QTemporaryDir dir;
        const Outside outside(dir);
        const std::string project = dir.filePath("project").toStdString();
        fs::create_directories(project + "/labels/journal");
        const std::string journal = EditJournal::pathFor(project, "scan_1", "v1");
        fs::create_symlink(outside.file, journal);
        QCOMPARE(messageOf([&] {
                     EditJournal(journal, Size3{4, 4, 4});
                 }),
                 journal + " is a symbolic link; refusing to follow it");
        QCOMPARE(messageOf([&] {
                     EditJournal::read(journal, Size3{4, 4, 4});
                 }),
                 journal + " is a symbolic link; refusing to follow it");
        // Before, the journal's header was written over the outside file.
        QVERIFY(outside.untouched());
        // A linked labels folder is refused before any journal path is handed out.
        fs::remove_all(project + "/labels");
        fs::create_directory_symlink(outside.folder, project + "/labels");
        QCOMPARE(messageOf([&] { EditJournal::pathFor(project, "scan_1", "v1"); }),
                 project + "/labels is a symbolic link; refusing to follow it");
    }

    void cacheFilesAreNotFollowed() {
        QTemporaryDir dir;
        const Outside outside(dir);
        const std::string cache = dir.filePath("cache").toStdString();
        fs::create_directories(cache);
        fs::create_symlink(outside.file, cache + "/case_1.json");
        const std::string message = messageOf([&] { CaseCache(cache).read("case_1"); });
        QVERIFY2(message.find(cache + "/case_1.json is a symbolic link") != std::string::npos,
                 message.c_str());
    }

    void theFollowedEventLogIsNotALink() {
        QTemporaryDir dir;
        const Outside outside(dir);
        const std::string out = dir.filePath("logonet.out").toStdString();
        fs::create_symlink(outside.file, out);
        const std::string message = messageOf([&] {
            remote::EventFollower(remote::RemoteCommand(remote::SshTarget::parse("user@host")),
                                  "runs/r1", out);
        });
        QCOMPARE(message, out + " is a symbolic link; refusing to follow it");
        // It would have been cut back to its last complete line and appended to.
        QVERIFY(outside.untouched());
    }
};

QTEST_GUILESS_MAIN(TestNoFollow)
#include "test_no_follow.moc"
