#include <QtTest/QtTest>

#include <signal.h>

#include <filesystem>

#include "EngineProcess.h"
#include "PhantomProject.h"
#include "json/Json.h"
#include "registry/ModelRegistry.h"
#include "run/Checkpoint.h"

using namespace logonet;
using namespace logonet::training;
namespace fs = std::filesystem;

namespace {

std::vector<torch::Tensor> stateOf(const std::string& checkpoint) {
    const CheckpointInfo info = readCheckpointInfo(checkpoint);
    model::Network network = model::createNetwork(info.architecture, info.networkOptions);
    loadCheckpoint(checkpoint, *network, nullptr);
    std::vector<torch::Tensor> state;
    for (const auto& p : network->parameters()) {
        state.push_back(p.detach().clone());
    }
    for (const auto& b : network->buffers()) {
        state.push_back(b.detach().clone());
    }
    return state;
}

}  // namespace

// A run killed with SIGKILL after a checkpoint and resumed ends with exactly the weights of an
// uninterrupted run with the same seed (CPU).
class RunResumeTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void killedAndResumedRunMatchesUninterruptedRun() {
        QTemporaryDir dir;
        const QString project = dir.path() + "/project";
        const QString problem =
            testing::preparePhantomProject(enginePath(), project, dir.path() + "/data");
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        // Both runs are set up for far more steps than they take (the schedule is that of
        // kScheduled): the killed run is still going when the kill lands on any machine, however
        // fast, and both then end a few steps after the kill's checkpoint through --stop-at-step.
        constexpr int kScheduled = 100000;
        auto trainArguments = [&](const QString& run) {
            return QStringList{"train",
                               "--project",
                               project,
                               "--run",
                               run,
                               "--arch",
                               "logonet-tiny",
                               "--iters",
                               QString::number(kScheduled),
                               "--warmup",
                               "2",
                               "--crop",
                               "32",
                               "--batch",
                               "2",
                               "--threads",
                               "1",
                               "--seed",
                               "11",
                               "--checkpoint-every",
                               "2",
                               "--progress",
                               "json"};
        };
        const std::string killedRun = project.toStdString() + "/runs/killed";
        QProcess child;
        child.start(enginePath(), trainArguments("killed"));
        QVERIFY(child.waitForStarted());
        const std::string last = killedRun + "/checkpoints/last.pt";
        QTRY_VERIFY_WITH_TIMEOUT(fs::exists(last) && readCheckpointInfo(last).step >= 2, 400000);
        ::kill(static_cast<pid_t>(child.processId()), SIGKILL);
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        const int64_t stoppedAt = readCheckpointInfo(last).step;
        QVERIFY2(stoppedAt >= 2 && stoppedAt < kScheduled, qPrintable(QString::number(stoppedAt)));
        const int64_t stopAt = stoppedAt + 4;
        const QStringList stop{"--stop-at-step", QString::number(stopAt)};

        const EngineResult straight = runEngine(trainArguments("straight") + stop);
        QVERIFY2(straight.exitCode == 3, qPrintable(straight.err));  // stopped, as asked
        QCOMPARE(
            readCheckpointInfo(project.toStdString() + "/runs/straight/checkpoints/last.pt").step,
            stopAt);

        const EngineResult resumed =
            runEngine(QStringList{"train", "--run", QString::fromStdString(killedRun), "--resume",
                                  "--progress", "json"} +
                      stop);
        QVERIFY2(resumed.exitCode == 3, qPrintable(resumed.err));
        QVERIFY(resumed.out.contains("\"resumed\""));
        QCOMPARE(readCheckpointInfo(last).step, stopAt);
        // A resume, not a restart from step 0 (which would end with the same weights): the
        // resumed process runs exactly the steps after the checkpoint, starting right after it.
        QList<int64_t> steps;
        for (const QString& line : resumed.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const Json event = Json::parse(line.toStdString());
            if (event.isObject() && event.value("event", std::string()) == "step") {
                steps.append(event.at("step").asInt());
            }
        }
        QVERIFY2(!steps.isEmpty(), qPrintable(resumed.out));
        QCOMPARE(steps.front(), stoppedAt + 1);
        QCOMPARE(steps.back(), stopAt);
        QCOMPARE(int64_t(steps.size()), stopAt - stoppedAt);

        const auto expected = stateOf(project.toStdString() + "/runs/straight/checkpoints/last.pt");
        const auto actual = stateOf(last);
        QCOMPARE(actual.size(), expected.size());
        for (size_t n = 0; n < expected.size(); ++n) {
            QVERIFY2(torch::equal(actual[n], expected[n]), qPrintable(QString::number(n)));
        }
    }
};

QTEST_GUILESS_MAIN(RunResumeTest)
#include "test_run_resume.moc"
