#include <QtTest/QtTest>

#include <QJsonDocument>
#include <QJsonObject>

#include <signal.h>

#include <filesystem>
#include <map>

#include "EngineProcess.h"
#include "pretrain/PretrainConfig.h"
#include "pretrain/PretrainFiles.h"
#include "registry/ModelRegistry.h"
#include "run/Checkpoint.h"
#include "run/RunFolder.h"

using namespace logonet;
using namespace logonet::training;
namespace fs = std::filesystem;

namespace {

constexpr int64_t kCrop = 32;
constexpr int64_t kCases = 5;  // four trained on, one held out for the pretext accuracy
constexpr int64_t kIterations = 10;
// Far more steps than any run of the stop test takes, so that it is still going when the stop
// lands on any machine; its runs end at a step the test chooses (--stop-at-step).
constexpr int64_t kScheduled = 100000;

// A self-contained pre-training run folder (config.json, crops in its own cache, pseudo-labels)
// with random data from a fixed generator: the same folder every time it is written.
void writeRunFolder(const std::string& directory, int64_t iterations = kIterations) {
    torch::manual_seed(5);
    PretrainConfig config;
    config.architecture = "logonet-tiny";
    config.outChannels = 2;
    config.crop = kCrop;
    config.clusterSizes = {5, 4};
    config.iterations = iterations;
    config.batch = 2;  // at 32^3 the deepest map is 1^3: batch norm needs two values
    config.seed = 7;
    config.threads = 1;
    config.cacheDirectory = "cache";
    std::vector<torch::Tensor> labels;
    for (int64_t c = 0; c < kCases; ++c) {
        const std::string name = "scan-" + std::to_string(c);
        writePretrainCrop((fs::path(directory) / "cache" / (name + ".pt")).string(),
                          torch::rand({kCrop, kCrop, kCrop}));
        config.cases.push_back(name);
        labels.push_back(torch::stack({torch::randint(0, 5, {kCrop}, torch::kInt64),
                                       torch::randint(0, 4, {kCrop}, torch::kInt64)},
                                      1));
    }
    fs::create_directories(fs::path(directory) / "checkpoints");
    writePseudoLabels((fs::path(directory) / config.pseudoLabels).string(), torch::stack(labels));
    RunFolder(directory).writeConfig(config.toJson());
}

// Every tensor the checkpoint holds (the branches: a pre-training checkpoint has no head),
// by name, as fine-tuning's partial loading reads them.
std::map<std::string, torch::Tensor> weightsOf(const std::string& checkpoint) {
    const CheckpointInfo info = readCheckpointInfo(checkpoint);
    model::Network network = model::createNetwork(info.architecture, info.networkOptions);
    const PartialLoadReport report = loadWeightsPartially(checkpoint, *network);
    std::map<std::string, torch::Tensor> all;
    for (const auto& item : network->named_parameters(true)) {
        all[item.key()] = item.value();
    }
    for (const auto& item : network->named_buffers(true)) {
        all[item.key()] = item.value();
    }
    std::map<std::string, torch::Tensor> loaded;
    for (const auto& name : report.loaded) {
        loaded[name] = all.at(name);
    }
    return loaded;
}

// Bit for bit: torch::equal on float tensors compares every value exactly.
QString firstDifference(const std::string& a, const std::string& b) {
    const auto left = weightsOf(a);
    const auto right = weightsOf(b);
    if (left.size() != right.size() || left.size() < 50) {
        return QString("%1 and %2 tensors").arg(left.size()).arg(right.size());
    }
    for (const auto& [name, tensor] : left) {
        if (right.count(name) == 0 || !torch::equal(tensor, right.at(name))) {
            return QString::fromStdString(name + " differs");
        }
    }
    return {};
}

// The "step" of the first event named `name` among the JSON lines printed, -1 when none.
int64_t firstStepEvent(const QString& out, const QString& name) {
    for (const QString& line : out.split('\n', Qt::SkipEmptyParts)) {
        const QJsonObject event = QJsonDocument::fromJson(line.toUtf8()).object();
        if (event.value("event").toString() == name) {
            return event.value("step").toInteger(-1);
        }
    }
    return -1;
}

std::string lastCheckpoint(const std::string& run) {
    return (fs::path(run) / "checkpoints" / "last.pt").string();
}

}  // namespace

// Pre-training runs with the same seed and thread count give bit-identical weights on the CPU,
// in separate processes, and a run stopped at step k and resumed continues the same crop and
// mask sequence from step k.
class PretrainReproducibleTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(QFileInfo(enginePath()).isExecutable(),
                 qPrintable("build the logonet target first: " + enginePath()));

        straight_ = dir_.filePath("straight").toStdString();
        writeRunFolder(straight_);
        const EngineResult result = runEngine(
            {"pretrain", "--run", QString::fromStdString(straight_), "--progress", "json"});
        QVERIFY2(result.exitCode == 0,
                 qPrintable(QString::number(result.exitCode) + result.err + result.out));
        QCOMPARE(readCheckpointInfo(lastCheckpoint(straight_)).step, kIterations);
        // The held-out scan's pretext accuracy next to the three baselines.
        QVERIFY2(result.out.contains("\"position_only\""), qPrintable(result.out));
        QVERIFY2(result.out.contains("\"crop_majority\""), qPrintable(result.out));
    }

    void twoProcessesGiveBitIdenticalWeights() {
        const std::string again = dir_.filePath("again").toStdString();
        writeRunFolder(again);
        const EngineResult result =
            runEngine({"pretrain", "--run", QString::fromStdString(again), "--progress", "json"});
        QVERIFY2(result.exitCode == 0,
                 qPrintable(QString::number(result.exitCode) + result.err + result.out));
        const QString difference =
            firstDifference(lastCheckpoint(straight_), lastCheckpoint(again));
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }

    void stoppedAndResumedRunMatchesUninterruptedRun() {
        const std::string stopped = dir_.filePath("stopped").toStdString();
        writeRunFolder(stopped, kScheduled);
        QProcess child;
        child.start(enginePath(),
                    {"pretrain", "--run", QString::fromStdString(stopped), "--progress", "json"});
        QVERIFY(child.waitForStarted());
        // SIGTERM once the second step is reported: the run stops after a step and saves.
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT(
            (out += child.readAllStandardOutput(),
             out.contains("\"step\":2") || child.state() == QProcess::NotRunning),
            120000);
        ::kill(static_cast<pid_t>(child.processId()), SIGTERM);
        QVERIFY(child.waitForFinished(120000));
        QCOMPARE(child.exitCode(), 3);  // stopped, not finished
        const int64_t stoppedAt = readCheckpointInfo(lastCheckpoint(stopped)).step;
        QVERIFY2(stoppedAt >= 2 && stoppedAt < kScheduled,
                 qPrintable(QString("stopped at %1").arg(stoppedAt)));

        // The uninterrupted run: the same folder, stopped a few steps later, where the resumed
        // run is stopped too (both with the schedule of kScheduled steps).
        const int64_t stopAt = stoppedAt + 3;
        const QStringList stop{"--stop-at-step", QString::number(stopAt)};
        const std::string uninterrupted = dir_.filePath("uninterrupted").toStdString();
        writeRunFolder(uninterrupted, kScheduled);
        const EngineResult straight =
            runEngine(QStringList{"pretrain", "--run", QString::fromStdString(uninterrupted),
                                  "--progress", "json"} +
                      stop);
        QVERIFY2(straight.exitCode == 3, qPrintable(straight.err));
        QCOMPARE(readCheckpointInfo(lastCheckpoint(uninterrupted)).step, stopAt);

        const EngineResult resumed =
            runEngine(QStringList{"pretrain", "--run", QString::fromStdString(stopped), "--resume",
                                  "--progress", "json"} +
                      stop);
        QVERIFY2(resumed.exitCode == 3, qPrintable(resumed.err));
        // The resumed process starts at the stopped step, not at 0, and stops where asked.
        QCOMPARE(firstStepEvent(resumed.out, "resumed"), stoppedAt);
        QCOMPARE(firstStepEvent(resumed.out, "step"), stoppedAt + 1);
        QCOMPARE(firstStepEvent(resumed.out, "stopped"), stopAt);
        QCOMPARE(readCheckpointInfo(lastCheckpoint(stopped)).step, stopAt);
        const QString difference =
            firstDifference(lastCheckpoint(uninterrupted), lastCheckpoint(stopped));
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }

  private:
    QTemporaryDir dir_;
    std::string straight_;
};

QTEST_GUILESS_MAIN(PretrainReproducibleTest)
#include "test_pretrain_reproducible.moc"
