// `logonet remote infer` through a real OpenSSH server on 127.0.0.1 (issue 14): two scans of a
// project predicted there with a tiny trained run, stored here as label versions named after the
// run and voxel for voxel what a local `infer` stores; a host that leaves a link in place of a
// prediction is refused with nothing stored; SIGTERM stops the remote engine and keeps what was
// stored. Without sshd, ssh or rsync on this machine the test reports a CTest skip (77).
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <memory>

#include "FreePort.h"
#include "LogonetRun.h"
#include "PhantomProject.h"
#include "SshServerForTest.h"
#include "project/Project.h"

using namespace logonet;

namespace {

LogonetResult engine(const QStringList& arguments) {
    return runLogonet(arguments, 240000);
}

// The prediction versions of a scan, oldest first.
std::vector<LabelVersionRecord> predictionsOf(const QString& project, int64_t scanId) {
    const Project opened = Project::open(project.toStdString(), Project::Access::Shared);
    std::vector<LabelVersionRecord> found;
    for (const auto& version : opened.labelVersions(scanId)) {
        if (version.kind == "prediction") {
            found.push_back(version);
        }
    }
    return found;
}

// False when the script could not be written whole or made executable.
bool writeScript(const QString& path, const QString& text) {
    QFile script(path);
    const QByteArray bytes = text.toUtf8();
    return script.open(QIODevice::WriteOnly) && script.write(bytes) == bytes.size() &&
           script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

SshServerFixture* server = nullptr;

}  // namespace

class TestRemoteInfer : public QObject {
    Q_OBJECT
  private:
    QTemporaryDir dir_{QDir::tempPath() + "/logonet remote infer $HOME;x-XXXXXX"};
    QString project_;
    QString run_;
    QString remoteDir_;

    QStringList connection(const QString& engineProgram = QStringLiteral(LOGONET_EXECUTABLE)) {
        return {"--host",           server->host(),  "--identity",
                server->identity(), "--known-hosts", server->knownHosts(),
                "--remote-dir",     remoteDir_,      "--project",
                project_,           "--run",         run_,
                "--remote-logonet", engineProgram};
    }

    // A hostile host's engine: every command but `infer` is the real engine's; for `infer`, `tail`
    // (shell, with $out the --out file and %1 the real engine) decides what is left at $out.
    QString engineLeaving(const QString& name, const char* tail) {
        const QString path = dir_.filePath(name);
        const bool written = writeScript(
            path, (QStringLiteral("#!/bin/sh\n"
                                  "[ \"$1\" = infer ] || exec '%1' \"$@\"\n"
                                  "out=''; previous=''\n"
                                  "for word in \"$@\"; do\n"
                                  "  [ \"$previous\" = --out ] && out=$word; previous=$word\n"
                                  "done\n") +
                   QLatin1String(tail))
                      .arg(QStringLiteral(LOGONET_EXECUTABLE)));
        return written ? path : QString();
    }

  private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        qputenv("XDG_CONFIG_HOME", dir_.filePath("settings").toUtf8());
        remoteDir_ = dir_.filePath("remote side $HOME");
        project_ = dir_.filePath("My Project");
        const QString prepared = testing::preparePhantomProject(QStringLiteral(LOGONET_EXECUTABLE),
                                                                project_, dir_.filePath("data"));
        QVERIFY2(prepared.isEmpty(), qPrintable(prepared));
        const LogonetResult trained = engine(
            {"train", "--project", project_, "--run", "tiny", "--arch", "logonet-tiny", "--iters",
             "2", "--crop", "32", "--batch", "2", "--threads", "1", "--seed", "4"});
        QVERIFY2(trained.exitCode == 0, qPrintable(trained.err));
        run_ = project_ + "/runs/tiny";
        const LogonetResult trusted =
            engine({"remote", "trust", "--yes", "--host", server->host(), "--known-hosts",
                    server->knownHosts(), "--identity", server->identity()});
        QVERIFY2(trusted.exitCode == 0, qPrintable(trusted.err));
    }

    void anUnknownHostKeyIsRefusedNamingTheHost() {
        QStringList arguments = connection() + QStringList{"--scan", "1"};
        arguments[arguments.indexOf("--known-hosts") + 1] = dir_.filePath("empty known hosts");
        const LogonetResult refused = engine(QStringList{"remote", "infer"} + arguments);
        qInfo().noquote() << refused.err;
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(server->host()) && refused.err.contains("remote trust"),
                 qPrintable(refused.err));
        QVERIFY(predictionsOf(project_, 1).empty());
    }

    void aMissingEngineIsNamed() {
        const LogonetResult missing = engine(QStringList{"remote", "infer", "--scan", "1"} +
                                             connection(dir_.filePath("no such engine")));
        qInfo().noquote() << missing.err;
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(server->host()) && missing.err.contains("not found"),
                 qPrintable(missing.err));
    }

    void anUnreachableHostIsNamed() {
        QStringList arguments = connection() + QStringList{"--scan", "1"};
        const QString nobody = QStringLiteral("nobody@127.0.0.1:%1").arg(freePort());
        arguments[arguments.indexOf("--host") + 1] = nobody;
        const LogonetResult unreachable = engine(QStringList{"remote", "infer"} + arguments);
        qInfo().noquote() << unreachable.err;
        QCOMPARE(unreachable.exitCode, 1);
        QVERIFY2(unreachable.err.contains(nobody) && unreachable.err.contains("exit code 255"),
                 qPrintable(unreachable.err));
    }

    // The host's engine reports no CUDA device: --device cuda is refused before any copy. The
    // host's engine sees no GPU even on a machine that has one (CUDA_VISIBLE_DEVICES empty), so
    // the refusal is checked everywhere instead of skipped where a GPU is.
    void cudaWhereThereIsNoGpuIsRefused() {
        const QString hidden = dir_.filePath("engine without GPUs");
        QVERIFY(writeScript(
            hidden, QStringLiteral("#!/bin/sh\nCUDA_VISIBLE_DEVICES= exec '" LOGONET_EXECUTABLE
                                   "' \"$@\"\n")));
        const LogonetResult refused = engine(
            QStringList{"remote", "infer", "--scan", "1", "--device", "cuda"} + connection(hidden));
        qInfo().noquote() << refused.err;
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(server->host()) && refused.err.contains("no CUDA GPU"),
                 qPrintable(refused.err));
        QVERIFY(predictionsOf(project_, 1).empty());
    }

    void twoScansPredictedThereAreStoredAsLocalInferStoresThem() {
        const LogonetResult remote = engine(QStringList{"remote", "infer", "--scan", "1", "--scan",
                                                        "2", "--json", "--threads", "1"} +
                                            connection());
        QVERIFY2(remote.exitCode == 0, qPrintable(remote.err + server->log()));
        // The lines local `infer --json` prints, which PredictionJob follows.
        const QList<QJsonObject> events = jsonLines(remote.out);
        QVERIFY2(events.size() == 4, qPrintable(remote.out));
        QCOMPARE(events[0].value("event").toString(), QStringLiteral("started"));
        QCOMPARE(events[0].value("total").toInt(), 2);
        for (int n = 1; n <= 2; ++n) {
            QCOMPARE(events[n].value("event").toString(), QStringLiteral("predicted"));
            QCOMPARE(events[n].value("scan").toInt(), n);
            QCOMPARE(events[n].value("done").toInt(), n);
            QCOMPARE(events[n].value("total").toInt(), 2);
        }
        QCOMPARE(events[3].value("event").toString(), QStringLiteral("finished"));
        QCOMPARE(events[3].value("done").toInt(), 2);

        const LogonetResult local = engine({"infer", "--project", project_, "--run", run_, "--scan",
                                            "1", "--scan", "2", "--threads", "1"});
        QVERIFY2(local.exitCode == 0, qPrintable(local.err));
        const Project project = Project::open(project_.toStdString(), Project::Access::Shared);
        for (int64_t scanId : {int64_t{1}, int64_t{2}}) {
            const auto versions = predictionsOf(project_, scanId);
            QCOMPARE(versions.size(), size_t{2});  // the remote one, then the local one
            QCOMPARE(versions[0].id,
                     static_cast<int64_t>(events[scanId].value("label_version").toInteger()));
            QCOMPARE(QString::fromStdString(versions[0].runName), QStringLiteral("tiny"));
            const LabelVolume remoteLabels = project.loadLabels(versions[0].id);
            const LabelVolume localLabels = project.loadLabels(versions[1].id);
            QVERIFY(remoteLabels.geometry().sameGrid(localLabels.geometry()));
            QVERIFY(remoteLabels.voxelCount() > 0);
            QVERIFY(std::equal(remoteLabels.data(), remoteLabels.data() + remoteLabels.voxelCount(),
                               localLabels.data()));
        }
    }

    // A compromised host leaves a link to a label map in place of the prediction: it is not
    // followed, the prediction is refused naming the host, and nothing is stored.
    void aLinkInPlaceOfAPredictionIsRefused() {
        const QString hostile = engineLeaving("linking-engine.sh",
                                              "'%1' \"$@\" || exit $?\n"
                                              "mv \"$out\" \"$out.real.nii.gz\"\n"
                                              "ln -s \"$PWD/$out.real.nii.gz\" \"$out\"\n");
        QVERIFY(!hostile.isEmpty());
        const size_t before = predictionsOf(project_, 1).size();
        const LogonetResult refused =
            engine(QStringList{"remote", "infer", "--scan", "1", "--json", "--threads", "1"} +
                   connection(hostile));
        qInfo().noquote() << refused.err;
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(server->host()) && refused.err.contains("refused"),
                 qPrintable(refused.err));
        QCOMPARE(predictionsOf(project_, 1).size(), before);
        QVERIFY(!refused.out.contains("\"predicted\""));
    }

    // A map that is not a label map (here a few bytes of text) is refused naming the host and
    // the file's problem, as an import refuses it; nothing is stored.
    void aBrokenPredictionIsRefused() {
        const QString broken =
            engineLeaving("broken-engine.sh", "printf 'not a label map' >\"$out\"\n");
        QVERIFY(!broken.isEmpty());
        const size_t before = predictionsOf(project_, 2).size();
        const LogonetResult refused =
            engine(QStringList{"remote", "infer", "--scan", "2"} + connection(broken));
        qInfo().noquote() << refused.err;
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(server->host()) && refused.err.contains("cannot be read"),
                 qPrintable(refused.err));
        QCOMPARE(predictionsOf(project_, 2).size(), before);
    }

    // SIGTERM while the second scan is predicted there: exit code 3, the first scan's
    // prediction stays, the second is not stored, and the engine there is stopped.
    void sigtermStopsTheRemoteEngineAndKeepsWhatWasStored() {
        const QString marker = dir_.filePath("slow engine still running");
        const QString slow = dir_.filePath("slow-engine.sh");
        // The second scan it is given waits there until it is stopped.
        QVERIFY(writeScript(slow, QStringLiteral("#!/bin/sh\n"
                                                 "[ \"$1\" = infer ] || exec '%1' \"$@\"\n"
                                                 "n=$(cat '%3' 2>/dev/null || echo 0); n=$((n+1))\n"
                                                 "echo $n >'%3'\n"
                                                 "if [ $n -ge 2 ]; then\n"
                                                 "  sleep 120 & wait $!; touch '%2'; exit 1\n"
                                                 "fi\n"
                                                 "exec '%1' \"$@\"\n")
                                      .arg(QStringLiteral(LOGONET_EXECUTABLE), marker,
                                           dir_.filePath("slow engine count"))));
        const size_t before1 = predictionsOf(project_, 1).size();
        const size_t before2 = predictionsOf(project_, 2).size();
        QProcess run;
        run.start(QStringLiteral(LOGONET_EXECUTABLE),
                  QStringList{"remote", "infer", "--scan", "2", "--scan", "1", "--json",
                              "--threads", "1"} +
                      connection(slow));
        QVERIFY(run.waitForStarted());
        QString out;
        QTRY_VERIFY_WITH_TIMEOUT((out += QString::fromUtf8(run.readAllStandardOutput()),
                                  out.contains("\"predicted\"")) ||
                                     run.state() == QProcess::NotRunning,
                                 180000);
        QVERIFY2(run.state() == QProcess::Running,
                 qPrintable(out + QString::fromUtf8(run.readAllStandardError())));
        QElapsedTimer timer;
        timer.start();
        run.terminate();
        QVERIFY(run.waitForFinished(60000));
        QVERIFY2(run.exitCode() == 3, qPrintable(QString::fromUtf8(run.readAllStandardError())));
        QVERIFY(timer.elapsed() < 60000);
        QCOMPARE(predictionsOf(project_, 2).size(), before2 + 1);
        QCOMPARE(predictionsOf(project_, 1).size(), before1);
        QVERIFY(!QFile::exists(marker));  // killed, not left to end on its own
    }
};

int main(int argc, char** argv) {
    QCoreApplication application(argc, argv);
    QTemporaryDir keys(QDir::tempPath() + "/logonet-infer-sshd-XXXXXX");
    SshServerFixture fixture(keys.filePath("keys"));
    const QString whyNot = startSshServerOrSayWhyNot(fixture);
    if (!whyNot.isEmpty()) {
        std::printf("SKIP: %s\n", qPrintable(whyNot));
        return 77;
    }
    server = &fixture;
    TestRemoteInfer test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_remote_infer.moc"
