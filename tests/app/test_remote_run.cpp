// A remote run through a real OpenSSH server on 127.0.0.1: host-key trust, the connection check,
// a tiny LoGoNet training copied there, started detached, followed, its connection dropped
// twice (the ssh of the event stream, then the whole `logonet remote run`), reattached, and
// its results copied home whole; then a second run cancelled through SIGTERM; then the paper's
// workflow: pre-training there, and fine-tuning there from the pre-trained weights.
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "PhantomProject.h"
#include "SshServerFixture.h"
#include "registry/ModelRegistry.h"
#include "run/Checkpoint.h"

using namespace logonet;
namespace fs = std::filesystem;

namespace {

struct Result {
    int exitCode = -1;
    QString out;
    QString err;
};

Result engine(const QStringList& arguments, int timeoutMs = 120000) {
    QProcess process;
    process.start(QStringLiteral(LOGONET_EXECUTABLE), arguments);
    Result result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.err = QStringLiteral("timed out: ") + arguments.join(' ');
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

QList<QJsonObject> eventsOf(const QString& text) {
    QList<QJsonObject> events;
    for (const QString& line : text.split('\n', Qt::SkipEmptyParts)) {
        const QJsonDocument document = QJsonDocument::fromJson(line.toUtf8());
        if (document.isObject()) {
            events << document.object();
        }
    }
    return events;
}

QList<int> stepsOf(const QList<QJsonObject>& events) {
    QList<int> steps;
    for (const auto& event : events) {
        if (event.value("event").toString() == "step") {
            steps << event.value("step").toInt();
        }
    }
    return steps;
}

QString readText(const QString& path) {
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    return QString::fromUtf8(file.readAll());
}

// The direct children of `parent` whose command line contains `word`.
QList<pid_t> childrenWith(pid_t parent, const std::string& word) {
    QList<pid_t> found;
    for (const auto& entry : fs::directory_iterator("/proc")) {
        const std::string name = entry.path().filename().string();
        if (name.find_first_not_of("0123456789") != std::string::npos) {
            continue;
        }
        std::ifstream stat(entry.path() / "stat");
        std::string line;
        std::getline(stat, line);
        const size_t close = line.rfind(')');
        if (close == std::string::npos) {
            continue;
        }
        std::istringstream rest(line.substr(close + 2));
        std::string state;
        long ppid = 0;
        rest >> state >> ppid;
        if (ppid != parent) {
            continue;
        }
        std::ifstream cmdline(entry.path() / "cmdline", std::ios::binary);
        const std::string text((std::istreambuf_iterator<char>(cmdline)),
                               std::istreambuf_iterator<char>());
        if (text.find(word) != std::string::npos) {
            found << static_cast<pid_t>(std::stol(name));
        }
    }
    return found;
}

}  // namespace

class TestRemoteRun : public QObject {
    Q_OBJECT
  private:
    // Names with a space, a quote and shell characters: they must survive ssh, sh and rsync.
    QTemporaryDir dir_{QDir::tempPath() + "/logonet remote 'test'-XXXXXX"};
    std::unique_ptr<SshServerFixture> server_;
    QString project_;
    QString remoteDir_;

    QStringList connection() const {
        return {"--host",           server_->host(),
                "--identity",       server_->identity(),
                "--known-hosts",    server_->knownHosts(),
                "--remote-dir",     remoteDir_,
                "--remote-logonet", QStringLiteral(LOGONET_EXECUTABLE)};
    }
    QStringList hostOnly() const {
        return {"--host",        server_->host(),      "--identity", server_->identity(),
                "--known-hosts", server_->knownHosts()};
    }

  private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        // The engines this test starts keep their workstation id here, not in the user's home.
        qputenv("XDG_CONFIG_HOME", dir_.filePath("settings").toUtf8());
        server_ = std::make_unique<SshServerFixture>(dir_.filePath("keys dir"));
        const QString problem = server_->start();
        QVERIFY2(problem.isEmpty(), qPrintable("cannot start sshd for the test: " + problem));
        remoteDir_ = dir_.filePath("remote side $HOME;`id`");
        project_ = dir_.filePath("My Project");
        const QString prepared = testing::preparePhantomProject(QStringLiteral(LOGONET_EXECUTABLE),
                                                                project_, dir_.filePath("data"));
        QVERIFY2(prepared.isEmpty(), qPrintable(prepared));
    }

    void unknownHostKeyIsRefusedUntilTrusted() {
        Result check = engine(QStringList{"remote", "check", "--json"} + connection(), 60000);
        QVERIFY2(check.exitCode == 1, qPrintable(check.err));
        QVERIFY2(check.err.contains("remote trust"), qPrintable(check.err));

        const Result shown = engine(QStringList{"remote", "trust", "--json"} + hostOnly());
        QVERIFY2(shown.exitCode == 0, qPrintable(shown.err));
        const QJsonObject keys = QJsonDocument::fromJson(shown.out.toUtf8()).object();
        QCOMPARE(keys.value("recorded").toBool(true), false);
        const QString fingerprint =
            keys.value("keys").toArray().at(0).toObject().value("fingerprint").toString();
        QVERIFY2(fingerprint.startsWith("SHA256:"), qPrintable(shown.out));
        // The fingerprint the server's administrator would read from the host key itself.
        QProcess keygen;
        keygen.start("ssh-keygen", {"-l", "-f", server_->hostKey() + ".pub"});
        QVERIFY(keygen.waitForFinished(10000));
        QVERIFY(QString::fromUtf8(keygen.readAllStandardOutput()).contains(fingerprint));

        QCOMPARE(
            engine(QStringList{"remote", "trust", "--fingerprint", "SHA256:wrong"} + hostOnly())
                .exitCode,
            1);
        const Result trusted =
            engine(QStringList{"remote", "trust", "--fingerprint", fingerprint} + hostOnly());
        QVERIFY2(trusted.exitCode == 0, qPrintable(trusted.err));

        check = engine(QStringList{"remote", "check", "--json"} + connection(), 60000);
        QVERIFY2(check.exitCode == 0, qPrintable(check.err + server_->log()));
        const QJsonObject info = QJsonDocument::fromJson(check.out.toUtf8()).object();
        const QString version = engine({"--version"}).out.trimmed().section(' ', 1);
        QCOMPARE(info.value("version").toString(), version);
        QVERIFY(info.contains("cuda"));
        QVERIFY(info.value("devices").isArray());
    }

    void aKeyTheHostDoesNotKnowFailsWithoutAPrompt() {
        QStringList arguments = connection();
        arguments[arguments.indexOf("--identity") + 1] = server_->otherIdentity();
        // A prompt would wait for an answer that never comes: engine() would kill the command
        // after its 60 s and report exit code -1. Ending by itself with 1 is the proof, not how
        // quickly it ended.
        const Result check = engine(QStringList{"remote", "check"} + arguments, 60000);
        QVERIFY2(check.exitCode == 1, qPrintable(check.err));
        QVERIFY2(check.err.contains("refused the key"), qPrintable(check.err));
    }

    // A run folder received from someone else cannot choose the program started on the GPU
    // host (issue 15): the engine recorded in its remote.json is never used.
    void aRunFolderCannotChooseTheRemoteEngine() {
        const QString folder = project_ + "/runs/hostile";
        const Result setup =
            engine({"train", "--project", project_, "--run", "hostile", "--setup-only", "--arch",
                    "logonet-tiny", "--iters", "2", "--crop", "32", "--batch", "2"});
        QVERIFY2(setup.exitCode == 0, qPrintable(setup.err));
        const QString marker = dir_.filePath("the hostile engine ran");
        const QString hostile = dir_.filePath("hostile-engine.sh");
        {
            QFile script(hostile);
            QVERIFY(script.open(QIODevice::WriteOnly));
            script.write(QStringLiteral("#!/bin/sh\ntouch '%1'\nexec '%2' \"$@\"\n")
                             .arg(marker, QStringLiteral(LOGONET_EXECUTABLE))
                             .toUtf8());
            script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        }
        QJsonObject record;
        record["host"] = server_->host();
        record["remote_dir"] = remoteDir_;
        record["remote_logonet"] = hostile;
        {
            QFile file(folder + "/remote.json");
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QJsonDocument(record).toJson());
        }
        // No --remote-logonet: the default ("logonet" on the host's PATH), not the recorded one.
        const Result run = engine(QStringList{"remote", "run", "--run", folder, "--progress",
                                              "json", "--remote-dir", remoteDir_} +
                                  hostOnly());
        QVERIFY2(!QFile::exists(marker), qPrintable(run.err));
        const QJsonObject after =
            QJsonDocument::fromJson(readText(folder + "/remote.json").toUtf8()).object();
        QCOMPARE(after.value("remote_logonet").toString(), QStringLiteral("logonet"));
    }

    // A compromised host cannot make a fetched file a link to one of the user's files here
    // (issue 15): the remote logonet.out points at "~/.bashrc", a folder at the user's home.
    void fetchBringsNoLinksHome() {
        const std::string folder = (project_ + "/runs/hostile").toStdString();
        const std::string remoteRun =
            QJsonDocument::fromJson(
                readText(QString::fromStdString(folder) + "/remote.json").toUtf8())
                .object()
                .value("remote_run")
                .toString()
                .toStdString();
        QVERIFY2(fs::path(remoteRun).is_absolute() && fs::is_directory(remoteRun),
                 remoteRun.c_str());
        const std::string home = dir_.filePath("home").toStdString();
        fs::create_directories(home);
        const std::string bashrc = home + "/.bashrc";
        std::ofstream(bashrc) << "export PATH=/usr/bin\n";
        fs::remove(remoteRun + "/logonet.out");
        fs::create_symlink(bashrc, remoteRun + "/logonet.out");
        fs::create_directory_symlink(home, remoteRun + "/linked home");
        fs::remove(folder + "/logonet.out");

        const Result fetched = engine(
            QStringList{"remote", "fetch", "--run", QString::fromStdString(folder)} + hostOnly());
        QVERIFY2(fetched.exitCode == 0, qPrintable(fetched.err));
        QVERIFY(!fs::is_symlink(fs::symlink_status(folder + "/logonet.out")));
        QVERIFY(!fs::exists(fs::symlink_status(folder + "/linked home")));
        QVERIFY(fs::exists(folder + "/config.json"));  // the regular files came home
        QCOMPARE(readText(QString::fromStdString(bashrc)),
                 QStringLiteral("export PATH=/usr/bin\n"));
    }

    // Remote commands do not depend on the user's login shell (issue 15): through a server
    // whose login shell is not POSIX sh (it refuses quotes, $, ; and the like, as fish and tcsh
    // differ from sh there), the host is checked, a run's state asked and its folder fetched.
    void commandsDoNotDependOnTheLoginShell() {
        QTemporaryDir shellDir(QDir::tempPath() + "/logonet-login-shell-XXXXXX");
        const QString shell = shellDir.filePath("not-posix-sh");
        {
            QFile script(shell);
            QVERIFY(script.open(QIODevice::WriteOnly));
            script.write(
                "#!/bin/sh\n"
                "[ \"$1\" = -c ] || exit 2\n"
                "case \"$2\" in\n"
                "*[\\'\\\"\\`\\$\\;\\&\\|\\<\\>\\(\\)\\\\\\*\\?\\[\\~\\#\\{\\}]*|*'\n'*)\n"
                "  echo \"not-posix-sh: cannot run: $2\" >&2; exit 127 ;;\n"
                "esac\n"
                "set -f\n"
                "exec $2\n");
            script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        }
        // The stand-in really refuses what only sh understands, and runs plain words.
        QProcess probe;
        probe.start(shell, {"-c", "sh -c 'echo hi'"});
        QVERIFY(probe.waitForFinished(10000));
        QCOMPARE(probe.exitCode(), 127);
        probe.start(shell, {"-c", "echo plain words"});
        QVERIFY(probe.waitForFinished(10000));
        QCOMPARE(QString::fromUtf8(probe.readAllStandardOutput()), QStringLiteral("plain words\n"));

        SshServerFixture other(dir_.filePath("login shell keys"));
        other.setLoginShell(shell);
        const QString problem = other.start();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QStringList host = {"--host",         other.host(),    "--identity",
                                  other.identity(), "--known-hosts", other.knownHosts()};
        const Result shown = engine(QStringList{"remote", "trust", "--json"} + host);
        QVERIFY2(shown.exitCode == 0, qPrintable(shown.err));
        const QString fingerprint = QJsonDocument::fromJson(shown.out.toUtf8())
                                        .object()
                                        .value("keys")
                                        .toArray()
                                        .at(0)
                                        .toObject()
                                        .value("fingerprint")
                                        .toString();
        QCOMPARE(
            engine(QStringList{"remote", "trust", "--fingerprint", fingerprint} + host).exitCode,
            0);
        // The server really runs commands through it: sh -c with a quoted script is refused.
        QProcess ssh;
        ssh.start("ssh", {"-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes", "-o",
                          "UserKnownHostsFile=\"" + other.knownHosts() + "\"", "-i",
                          other.identity(), "-p", other.host().section(':', -1),
                          other.host().section(':', 0, 0), "sh -c 'echo hi'"});
        QVERIFY(ssh.waitForFinished(30000));
        QVERIFY2(ssh.exitCode() == 127 &&
                     QString::fromUtf8(ssh.readAllStandardError()).contains("not-posix-sh"),
                 "the server does not use the stand-in login shell");

        const Result check = engine(QStringList{"remote", "check", "--json", "--remote-logonet",
                                                QStringLiteral(LOGONET_EXECUTABLE)} +
                                        host,
                                    60000);
        QVERIFY2(check.exitCode == 0, qPrintable(check.err + other.log()));
        const QString folder = project_ + "/runs/hostile";  // set up by the tests above
        const Result status = engine(QStringList{"remote", "status", "--json", "--run", folder} +
                                     host + QStringList{"--remote-dir", remoteDir_});
        QVERIFY2(status.exitCode == 0, qPrintable(status.err + other.log()));
        QVERIFY2(!QJsonDocument::fromJson(status.out.toUtf8())
                      .object()
                      .value("state")
                      .toString()
                      .isEmpty(),
                 qPrintable(status.out));
        const Result fetched = engine(QStringList{"remote", "fetch", "--run", folder} + host +
                                      QStringList{"--remote-dir", remoteDir_});
        QVERIFY2(fetched.exitCode == 0, qPrintable(fetched.err + other.log()));
    }

    void droppedConnectionsLoseNoEventsAndResultsComeHomeWhole() {
        const int iterations = 12;
        const QStringList runArguments =
            QStringList{"remote", "run", "--project", project_, "--run", "tiny run"} +
            connection() + QStringList{"--progress", "json"};
        const QStringList trainArguments = {"--arch",
                                            "logonet-tiny",
                                            "--iters",
                                            QString::number(iterations),
                                            "--crop",
                                            "32",
                                            "--batch",
                                            "2",
                                            "--threads",
                                            "1",
                                            "--checkpoint-every",
                                            "2",
                                            "--seed",
                                            "5"};
        QProcess first;
        first.start(QStringLiteral(LOGONET_EXECUTABLE), runArguments + trainArguments);
        QVERIFY(first.waitForStarted());
        QString firstOut;
        auto readFirst = [&] {
            firstOut += QString::fromUtf8(first.readAllStandardOutput());
            return stepsOf(eventsOf(firstOut));
        };
        QTRY_VERIFY_WITH_TIMEOUT(readFirst().size() >= 2 || first.state() == QProcess::NotRunning,
                                 90000);
        QVERIFY2(first.state() == QProcess::Running,
                 qPrintable(QString::fromUtf8(first.readAllStandardError())));
        const QList<pid_t> followers =
            childrenWith(static_cast<pid_t>(first.processId()), "logonet-follow");
        QVERIFY2(followers.size() == 1, "the event stream's ssh was not found");
        ::kill(followers.first(), SIGKILL);  // the connection drops
        const int before = readFirst().size();
        QVERIFY2(before < iterations, "the run finished before its connection could be dropped");
        QTRY_VERIFY_WITH_TIMEOUT(readFirst().size() > before, 60000);
        QVERIFY(QString::fromUtf8(first.readAllStandardError()).contains("reconnecting"));
        ::kill(static_cast<pid_t>(first.processId()), SIGKILL);  // the local side is gone
        QVERIFY(first.waitForFinished(10000));
        readFirst();
        const QList<int> firstSteps = stepsOf(eventsOf(firstOut));
        QCOMPARE(QSet<int>(firstSteps.begin(), firstSteps.end()).size(), firstSteps.size());

        const QString runFolder = project_ + "/runs/tiny run";
        const Result status =
            engine(QStringList{"remote", "status", "--json", "--run", runFolder} + hostOnly());
        QVERIFY2(status.exitCode == 0, qPrintable(status.err));
        const QJsonObject state = QJsonDocument::fromJson(status.out.toUtf8()).object();
        QVERIFY2(state.value("state").toString() == "running" ||
                     state.value("state").toString() == "finished",
                 qPrintable(status.out));

        // Reattach: the recorded remote folder is found from the run folder.
        const Result second = engine(
            QStringList{"remote", "run", "--run", runFolder, "--progress", "json"} + hostOnly(),
            180000);
        QVERIFY2(second.exitCode == 0, qPrintable(second.err));
        const QList<int> secondSteps = stepsOf(eventsOf(second.out));
        QCOMPARE(QSet<int>(secondSteps.begin(), secondSteps.end()).size(), secondSteps.size());
        if (!secondSteps.isEmpty() && !firstSteps.isEmpty()) {
            QVERIFY(secondSteps.first() > firstSteps.last());
        }
        QVERIFY(second.out.contains("\"finished\""));

        // Home: every event once, the checkpoint whole and loadable, the metrics complete.
        const QList<QJsonObject> streamed = eventsOf(readText(runFolder + "/logonet.out"));
        QList<int> expected;
        for (int s = 1; s <= iterations; ++s) {
            expected << s;
        }
        QCOMPARE(stepsOf(streamed), expected);
        QCOMPARE(streamed.last().value("event").toString(), QStringLiteral("finished"));
        QCOMPARE(stepsOf(eventsOf(readText(runFolder + "/events.jsonl"))), expected);
        const QJsonObject metrics =
            QJsonDocument::fromJson(readText(runFolder + "/metrics.json").toUtf8()).object();
        QCOMPARE(metrics.value("steps").toInt(), iterations);
        QCOMPARE(metrics.value("stopped").toBool(true), false);
        const std::string last = (runFolder + "/checkpoints/last.pt").toStdString();
        const training::CheckpointInfo info = training::readCheckpointInfo(last);
        QCOMPARE(info.step, int64_t{iterations});
        model::Network network = model::createNetwork(info.architecture, info.networkOptions);
        training::loadCheckpoint(last, *network, nullptr);
        QVERIFY(!fs::exists(runFolder.toStdString() + "/checkpoints/last.pt.tmp"));

        const Result finished =
            engine(QStringList{"remote", "status", "--json", "--run", runFolder} + hostOnly());
        const QJsonObject end = QJsonDocument::fromJson(finished.out.toUtf8()).object();
        QCOMPARE(end.value("state").toString(), QStringLiteral("finished"));
        QCOMPARE(end.value("exit_code").toInt(), 0);
        const Result fetched =
            engine(QStringList{"remote", "fetch", "--run", runFolder} + hostOnly());
        QVERIFY2(fetched.exitCode == 0, qPrintable(fetched.err));
    }

    void sigtermStopsTheRemoteEngineAfterACheckpoint() {
        QProcess run;
        run.start(QStringLiteral(LOGONET_EXECUTABLE),
                  QStringList{"remote", "run", "--project", project_, "--run", "cancelled"} +
                      connection() +
                      QStringList{"--progress", "json", "--arch", "logonet-tiny", "--iters", "500",
                                  "--crop", "32", "--batch", "2", "--threads", "1"});
        QVERIFY(run.waitForStarted());
        QString out;
        QTRY_VERIFY_WITH_TIMEOUT(
            (out += QString::fromUtf8(run.readAllStandardOutput()), out.contains("\"step\"")) ||
                run.state() == QProcess::NotRunning,
            90000);
        QVERIFY2(run.state() == QProcess::Running,
                 qPrintable(QString::fromUtf8(run.readAllStandardError())));
        run.terminate();
        QVERIFY(run.waitForFinished(60000));
        QCOMPARE(run.exitCode(), 3);
        const QString folder = project_ + "/runs/cancelled";
        QVERIFY(fs::exists((folder + "/checkpoints/last.pt").toStdString()));
        const Result status =
            engine(QStringList{"remote", "status", "--json", "--run", folder} + hostOnly());
        QCOMPARE(QJsonDocument::fromJson(status.out.toUtf8()).object().value("state").toString(),
                 QStringLiteral("stopped"));
        const Result cancel = engine(QStringList{"remote", "cancel", "--run", folder} + hostOnly());
        QCOMPARE(cancel.exitCode, 0);
        QVERIFY(cancel.out.contains("not running"));

        // --resume continues from the checkpoint, not from step 0 (which would end the same): two
        // more steps (config.json, the file a user may change, goes up again) are steps k+1, k+2.
        const int stoppedAt = static_cast<int>(
            training::readCheckpointInfo(folder.toStdString() + "/checkpoints/last.pt").step);
        QJsonObject config =
            QJsonDocument::fromJson(readText(folder + "/config.json").toUtf8()).object();
        config["iterations"] = stoppedAt + 2;
        {
            QFile file(folder + "/config.json");
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(QJsonDocument(config).toJson());
        }
        const Result resumed =
            engine(QStringList{"remote", "run", "--run", folder, "--resume", "--progress", "json"} +
                       connection(),
                   180000);
        QVERIFY2(resumed.exitCode == 0,
                 qPrintable(QString(resumed.err).replace(QLatin1Char('\n'), " / ")));
        const QList<int> steps = stepsOf(eventsOf(resumed.out));
        QVERIFY2(steps.size() >= 2 && steps.last() == stoppedAt + 2 &&
                     steps[steps.size() - 2] == stoppedAt + 1,
                 qPrintable(resumed.out));
        QVERIFY2(!steps.contains(1) || stoppedAt == 0, qPrintable(resumed.out));
        QCOMPARE(training::readCheckpointInfo(folder.toStdString() + "/checkpoints/last.pt").step,
                 int64_t{stoppedAt + 2});
    }

    void preTrainsRemotelyAndFineTunesThereFromIt() {
        // Two clusterers over both phantoms' slices (the project has no unlabeled scans).
        const Result clustered =
            engine({"cluster", "--project", project_, "--clusterers", "2", "--k-min", "3",
                    "--k-max", "5", "--iters", "10", "--subset", "0.5", "--crop", "32",
                    "--include-labeled", "--threads", "1"});
        QVERIFY2(clustered.exitCode == 0, qPrintable(clustered.err));

        // Options of the other kind of run are refused before anything is copied.
        const Result mixed = engine(QStringList{"remote", "run", "--project", project_, "--run",
                                                "mixed", "--pretrain", "--crop", "32"} +
                                    connection());
        QCOMPARE(mixed.exitCode, 2);
        QVERIFY2(mixed.err.contains("fine-tuning option"), qPrintable(mixed.err));
        QVERIFY(!fs::exists((project_ + "/runs/mixed").toStdString()));

        const int preIterations = 2;
        const Result pre = engine(
            QStringList{"remote", "run", "--project", project_, "--run", "pre run", "--pretrain"} +
                connection() +
                QStringList{"--progress", "json", "--arch", "logonet-tiny", "--iters",
                            QString::number(preIterations), "--batch", "2", "--threads", "1",
                            "--seed", "3"},
            240000);
        QVERIFY2(pre.exitCode == 0, qPrintable(pre.err + server_->log()));
        const QString preFolder = project_ + "/runs/pre run";
        const QJsonObject preConfig =
            QJsonDocument::fromJson(readText(preFolder + "/config.json").toUtf8()).object();
        QCOMPARE(preConfig.value("command").toString(), QStringLiteral("pretrain"));
        QCOMPARE(preConfig.value("pretrain_cases").toArray().size(), 2);
        QList<int> expected;
        for (int s = 1; s <= preIterations; ++s) {
            expected << s;
        }
        QCOMPARE(stepsOf(eventsOf(pre.out)), expected);
        QCOMPARE(stepsOf(eventsOf(readText(preFolder + "/events.jsonl"))), expected);
        QCOMPARE(eventsOf(readText(preFolder + "/events.jsonl")).last().value("event").toString(),
                 QStringLiteral("finished"));
        const std::string best = (preFolder + "/checkpoints/best.pt").toStdString();
        QVERIFY2(fs::exists(best), "the pre-trained branches did not come home");
        const training::CheckpointInfo preInfo = training::readCheckpointInfo(best);
        QCOMPARE(preInfo.step, int64_t{preIterations});
        QCOMPARE(QString::fromStdString(preInfo.extra.value("kind", std::string())),
                 QStringLiteral("pretraining"));
        const Result preStatus =
            engine(QStringList{"remote", "status", "--json", "--run", preFolder} + hostOnly());
        QCOMPARE(QJsonDocument::fromJson(preStatus.out.toUtf8()).object().value("state").toString(),
                 QStringLiteral("finished"));

        // Fine-tuning there from it: the weights travel inside the run folder.
        const Result missing =
            engine(QStringList{"remote", "run", "--project", project_, "--run", "no init", "--init",
                               project_ + "/runs/nothing here"} +
                   connection());
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains("nothing here"), qPrintable(missing.err));
        const Result tuned =
            engine(QStringList{"remote", "run", "--project", project_, "--run", "from pre",
                               "--init", preFolder} +
                       connection() +
                       QStringList{"--progress", "json", "--arch", "logonet-tiny", "--iters", "2",
                                   "--crop", "32", "--batch", "2", "--threads", "1"},
                   240000);
        QVERIFY2(tuned.exitCode == 0, qPrintable(tuned.err + server_->log()));
        const QString tunedFolder = project_ + "/runs/from pre";
        QCOMPARE(QJsonDocument::fromJson(readText(tunedFolder + "/config.json").toUtf8())
                     .object()
                     .value("init")
                     .toString(),
                 QStringLiteral("init.pt"));
        QVERIFY(fs::exists((tunedFolder + "/init.pt").toStdString()));
        QJsonObject init;
        for (const auto& event : eventsOf(tuned.out)) {
            if (event.value("event").toString() == "init") {
                init = event;
            }
        }
        QVERIFY2(!init.isEmpty(), qPrintable(tuned.out));
        // Both branches, encoders and decoders, came from pre-training (the default --init-scope,
        // the spec's transfer); only the segmentation head starts as from scratch.
        const std::string last = (tunedFolder + "/checkpoints/last.pt").toStdString();
        const training::CheckpointInfo tunedInfo = training::readCheckpointInfo(last);
        QCOMPARE(tunedInfo.step, int64_t{2});
        model::Network network =
            model::createNetwork(tunedInfo.architecture, tunedInfo.networkOptions);
        int encoderTensors = 0;
        int decoderTensors = 0;
        int headTensors = 0;
        for (const auto& named : {network->named_parameters(), network->named_buffers()}) {
            for (const auto& tensor : named) {
                const std::string& key = tensor.key();
                (key.rfind("head.", 0) == 0                   ? headTensors
                 : key.find(".encoder.") != std::string::npos ? encoderTensors
                                                              : decoderTensors) += 1;
            }
        }
        QVERIFY(encoderTensors > 0 && decoderTensors > 0 && headTensors > 0);
        QCOMPARE(init.value("loaded").toInt(), encoderTensors + decoderTensors);
        QCOMPARE(init.value("excluded").toInt(), 0);
        QCOMPARE(init.value("new").toInt(), headTensors);
        QCOMPARE(init.value("skipped").toInt(), 0);
        QVERIFY2(init.value("from").toString().endsWith("init.pt"), qPrintable(tuned.out));
        QCOMPARE(stepsOf(eventsOf(readText(tunedFolder + "/events.jsonl"))), (QList<int>{1, 2}));
    }
};

QTEST_GUILESS_MAIN(TestRemoteRun)
#include "test_remote_run.moc"
