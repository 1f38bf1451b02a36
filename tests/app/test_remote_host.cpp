// What a remote host, or a run folder from someone else, cannot do, through a real OpenSSH server
// on 127.0.0.1 (issue 15): an unknown host key is refused until trusted, a key the host does not
// know fails without a prompt, a run folder's remote.json cannot choose the program run there, a
// fetch brings no links home, and no command depends on the user's login shell.
#include <QTest>

#include "RemoteRunFixture.h"

using namespace logonet;
namespace fs = std::filesystem;

class TestRemoteHost : public QObject, private RemoteRunFixture {
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase() {
        const QString problem = startServerAndProject();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
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
        const QString fingerprint = firstFingerprint(shown.out);
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
};

QTEST_GUILESS_MAIN(TestRemoteHost)
#include "test_remote_host.moc"
