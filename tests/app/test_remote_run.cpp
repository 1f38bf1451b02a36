// A remote run through a real OpenSSH server on 127.0.0.1: a tiny LoGoNet training copied there,
// started detached, followed, its connection dropped twice (the ssh of the event stream, then the
// whole `logonet remote run`), reattached and stopped there, resumed to its end, and its results
// copied home whole; then a second run cancelled through SIGTERM and resumed from its step; then
// the paper's workflow: pre-training there, and fine-tuning there from the pre-trained weights.
// What a hostile host or run folder cannot do is in test_remote_host.
#include <QSet>
#include <QTest>

#include <signal.h>

#include "RemoteRunFixture.h"
#include "registry/ModelRegistry.h"
#include "run/Checkpoint.h"

using namespace logonet;
namespace fs = std::filesystem;

class TestRemoteRun : public QObject, private RemoteRunFixture {
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase() {
        const QString problem = startServerAndProject();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QString untrusted = trustHost();
        QVERIFY2(untrusted.isEmpty(), qPrintable(untrusted));
    }

    void droppedConnectionsLoseNoEventsAndResultsComeHomeWhole() {
        // Far more steps than the test lets it take, so that the run is still going when its
        // connections drop, on any machine, however fast: the reattached follower stops it, and
        // a resume shortened to two more steps ends it.
        const int scheduled = 100000;
        const QStringList runArguments =
            QStringList{"remote", "run", "--project", project_, "--run", "tiny run"} +
            connection() + QStringList{"--progress", "json"};
        const QStringList trainArguments = {"--arch",
                                            "logonet-tiny",
                                            "--iters",
                                            QString::number(scheduled),
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
        QCOMPARE(state.value("state").toString(), QStringLiteral("running"));

        // Reattach: the recorded remote folder is found from the run folder. It follows the
        // steps after those the first one saw, and its SIGTERM stops the remote engine.
        QProcess second;
        second.start(
            QStringLiteral(LOGONET_EXECUTABLE),
            QStringList{"remote", "run", "--run", runFolder, "--progress", "json"} + hostOnly());
        QVERIFY(second.waitForStarted());
        QString secondOut;
        auto readSecond = [&] {
            secondOut += QString::fromUtf8(second.readAllStandardOutput());
            return stepsOf(eventsOf(secondOut));
        };
        QTRY_VERIFY_WITH_TIMEOUT(!readSecond().isEmpty() || second.state() == QProcess::NotRunning,
                                 90000);
        QVERIFY2(second.state() == QProcess::Running,
                 qPrintable(QString::fromUtf8(second.readAllStandardError())));
        second.terminate();
        QVERIFY(second.waitForFinished(60000));
        QVERIFY2(second.exitCode() == 3,
                 qPrintable(QString::fromUtf8(second.readAllStandardError())));
        const QList<int> secondSteps = readSecond();
        QCOMPARE(QSet<int>(secondSteps.begin(), secondSteps.end()).size(), secondSteps.size());
        QVERIFY(!firstSteps.isEmpty() && secondSteps.first() > firstSteps.last());

        // Two more steps (`train --run DIR --iters N` rewrites config.json, which goes up again),
        // then the resume runs to the end.
        const int iterations =
            static_cast<int>(
                training::readCheckpointInfo(runFolder.toStdString() + "/checkpoints/last.pt")
                    .step) +
            2;
        const Result shortened = engine(
            {"train", "--run", runFolder, "--iters", QString::number(iterations), "--setup-only"});
        QVERIFY2(shortened.exitCode == 0, qPrintable(shortened.err));
        const Result third = engine(
            QStringList{"remote", "run", "--run", runFolder, "--resume", "--progress", "json"} +
                connection(),
            180000);
        QVERIFY2(third.exitCode == 0, qPrintable(third.err));
        QCOMPARE(stepsOf(eventsOf(third.out)), (QList<int>{iterations - 1, iterations}));
        QVERIFY(third.out.contains("\"finished\""));

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
