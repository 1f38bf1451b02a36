// The durability promise, tested with real kills: test_durability_helper saves label versions,
// imports scans and writes a checkpoint-like file in a loop, printing a line after each save
// returns; it is SIGKILLed at random (seeded) points, at least 200 times. After each kill the
// project opens, passes the integrity check that `logonet check` runs, and holds every save
// whose line was printed, with the content that was saved (compared by hash).
#include <QtTest>

#include <signal.h>

#include <chrono>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <thread>

#include "import/ContentHash.h"
#include "import/ScanImporter.h"
#include "integrity/ProjectCheck.h"
#include "io/ImageWriter.h"
#include "project/Project.h"
#include "test_durability_volumes.h"

using namespace logonet;

namespace {

// What the helper printed: the saves that had returned when it was killed.
struct Printed {
    std::map<int64_t, std::string> labelVersions;  // id -> hash
    std::map<int64_t, std::string> scans;          // id -> hash
    int64_t checkpoint = -1;
    int lines = 0;

    void add(const QByteArray& line) {
        std::istringstream in(line.toStdString());
        std::string a, b, c;
        long long id = 0;
        std::string hash;
        in >> a;
        if (a == "saved" && (in >> b >> c >> id >> hash)) {
            labelVersions[id] = hash;
        } else if (a == "imported" && (in >> b >> id >> hash)) {
            scans[id] = hash;
        } else if (a == "checkpoint" && (in >> id)) {
            checkpoint = id;
        } else {
            return;
        }
        ++lines;
    }
};

std::string readWhole(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

class TestDurabilityKill : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void everyReturnedSaveSurvivesSigkill() {
        QTemporaryDir root;
        QVERIFY(root.isValid());
        std::mt19937 random(20261203u);
        const int kills = qEnvironmentVariableIntValue("LOGONET_DURABILITY_KILLS") > 0
                              ? qEnvironmentVariableIntValue("LOGONET_DURABILITY_KILLS")
                              : 200;
        int losses = 0;
        int leftovers = 0;
        int64_t savesReturned = 0;  // lines printed: saves that had returned before a kill
        std::string projectDir;
        Printed printed;
        int64_t next = 0;
        for (int kill = 0; kill < kills; ++kill) {
            // A fresh project every 10 kills keeps each integrity check small.
            if (kill % 10 == 0) {
                projectDir = root.filePath(QString("project_%1").arg(kill)).toStdString();
                Project project = Project::create(projectDir, LabelSet::btcv());
                const std::string first = root.filePath("first.nii.gz").toStdString();
                writeImage(durabilityTestScan(-1), first);
                ImportItem item;
                item.name = "first";
                item.imagePath = first;
                ScanImporter(project).importOne(item, ImportOptions{});
                printed = Printed{};
            }
            QProcess helper;
            helper.start(DURABILITY_HELPER, {QString::fromStdString(projectDir),
                                             root.filePath("sources"), QString::number(next)});
            next += 1000;
            QVERIFY2(helper.waitForStarted(10000), qPrintable(helper.errorString()));
            // Wait for a random number of returned saves (0: kill during start-up), then a
            // random few more microseconds, so kills land anywhere inside a save.
            const int wanted = static_cast<int>(random() % 7);
            const auto extra = std::chrono::microseconds(random() % 5000);
            QByteArray pending;
            int seen = 0;
            while (seen < wanted) {
                if (!helper.waitForReadyRead(20000)) {
                    QFAIL(qPrintable("the helper printed nothing for 20 s: " +
                                     helper.readAllStandardError()));
                }
                pending += helper.readAllStandardOutput();
                seen = static_cast<int>(pending.count('\n'));
            }
            std::this_thread::sleep_for(extra);
            QCOMPARE(::kill(static_cast<pid_t>(helper.processId()), SIGKILL), 0);
            QVERIFY(helper.waitForFinished(10000));
            QVERIFY2(helper.exitStatus() == QProcess::CrashExit,
                     qPrintable(helper.readAllStandardError()));
            pending += helper.readAllStandardOutput();
            const int before = printed.lines;
            for (const QByteArray& line : pending.split('\n')) {
                printed.add(line);
            }
            savesReturned += printed.lines - before;

            Project project = Project::open(projectDir);
            const ProjectCheckReport report = checkProject(project);
            for (const ProjectCheckFinding& problem : report.problems) {
                qWarning("kill %d: problem: %s: %s", kill, problem.file.c_str(),
                         problem.what.c_str());
            }
            losses += static_cast<int>(report.problems.size());
            leftovers += static_cast<int>(report.leftovers.size());
            for (const auto& [id, hash] : printed.labelVersions) {
                try {
                    if (contentHash(project.loadLabels(id)) != hash) {
                        qWarning("kill %d: label version %lld differs", kill,
                                 static_cast<long long>(id));
                        ++losses;
                    }
                } catch (const std::exception& error) {
                    qWarning("kill %d: label version %lld lost: %s", kill,
                             static_cast<long long>(id), error.what());
                    ++losses;
                }
            }
            for (const auto& [id, hash] : printed.scans) {
                try {
                    if (contentHash(project.loadImage(id)) != hash) {
                        qWarning("kill %d: scan %lld differs", kill, static_cast<long long>(id));
                        ++losses;
                    }
                } catch (const std::exception& error) {
                    qWarning("kill %d: scan %lld lost: %s", kill, static_cast<long long>(id),
                             error.what());
                    ++losses;
                }
            }
            if (printed.checkpoint >= 0) {
                // The last printed step or a later one that finished before the kill, whole.
                const std::string text = readWhole(project.absolutePath("runs/checkpoint.bin"));
                std::istringstream in(text);
                std::string word;
                long long step = -1;
                in >> word >> step;
                if (step < printed.checkpoint ||
                    text != durabilityTestCheckpoint(static_cast<int64_t>(step))) {
                    qWarning("kill %d: checkpoint holds step %lld, %lld was saved", kill, step,
                             static_cast<long long>(printed.checkpoint));
                    ++losses;
                }
            }
        }
        qInfo(
            "durability: %d SIGKILLs, %lld saves returned (each checked after every later kill "
            "of its project), %d losses; the checks listed %d removable leftovers",
            kills, static_cast<long long>(savesReturned), losses, leftovers);
        QCOMPARE(losses, 0);
        QVERIFY(kills >= 200 || qEnvironmentVariableIsSet("LOGONET_DURABILITY_KILLS"));
    }
};

QTEST_APPLESS_MAIN(TestDurabilityKill)
#include "test_durability_kill.moc"
