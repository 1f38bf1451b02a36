// Checkpoints as atomic units across a kill (issue 15):
// - fine-tuning: best.pt is never replaced by a worse model after a resume, even when last.pt
//   (what --resume reads) predates the validation that wrote best.pt;
// - pre-training: a kill between writing pretrain_state.pt and last.pt resumes at the state's
//   own step, never pairing the state of one step with the step number of another.
#include <QtTest/QtTest>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "FineTuneFixtures.h"
#include "finetune/FineTuner.h"
#include "pretrain/PretrainFiles.h"
#include "pretrain/PretrainingRun.h"
#include "run/Checkpoint.h"
#include "run/RunFolder.h"

using namespace logonet;
using namespace logonet::training;
namespace fs = std::filesystem;

namespace {

std::string bytesOf(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// Rewrites the best-score fields a checkpoint carries, keeping its weights (and optimiser).
void setStoredBest(const std::string& path, double dice, int64_t step, bool withOptimizer) {
    auto network = std::make_shared<TinyTestNetworkImpl>(3);
    torch::optim::AdamW optimizer(network->parameters(), torch::optim::AdamWOptions(1e-2));
    CheckpointInfo info = loadCheckpoint(path, *network, withOptimizer ? &optimizer : nullptr);
    info.extra["best_dice"] = dice;
    info.extra["best_step"] = Json(step);
    saveCheckpoint(path, *network, withOptimizer ? &optimizer : nullptr, info);
}

}  // namespace

class CheckpointResumeTest : public QObject {
    Q_OBJECT
  private:
    QTemporaryDir dir_;

  private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(2); }

    void bestCheckpointSurvivesAWorseModelAfterResume() {
        const std::string cache = dir_.path().toStdString() + "/cache";
        fixtures::writeSyntheticCache(cache, 3);
        FineTuneConfig config = fixtures::tinyConfig(cache);
        config.iterations = 8;
        config.checkpointEvery = 2;
        config.validateEvery = 2;
        config.validationCases = {"c"};
        const std::string run = dir_.path().toStdString() + "/finetune";
        std::atomic<bool> stop{false};
        FineTuner first(config, run);
        first.setNetworkFactory(fixtures::tinyFactory);
        const FineTuneResult stopped = first.run(
            false,
            [&](const Json& event) {
                if (event.value("event", std::string()) == "step" &&
                    event.value("step", int64_t{0}) == 4) {
                    stop = true;
                }
            },
            &stop);
        QVERIFY(stopped.stopped);
        const std::string best = run + "/checkpoints/best.pt";
        const std::string last = run + "/checkpoints/last.pt";
        QVERIFY(fs::exists(best));
        // The state a kill leaves when best.pt was written by a validation after last.pt's
        // checkpoint: last.pt knows no best yet; best.pt holds a model no later one beats.
        setStoredBest(last, -1.0, -1, true);
        setStoredBest(best, 1.0, 4, false);
        const std::string before = bytesOf(best);

        FineTuner resumed(config, run);
        resumed.setNetworkFactory(fixtures::tinyFactory);
        int64_t startedAt = -1;
        std::vector<double> scores;
        const FineTuneResult rest = resumed.run(
            true,
            [&](const Json& event) {
                const std::string kind = event.value("event", std::string());
                if (kind == "resumed") {
                    startedAt = event.value("step", int64_t{-1});
                } else if (kind == "validation") {
                    scores.push_back(event.at("mean_dice").asNumber());
                }
            },
            nullptr);
        QCOMPARE(startedAt, int64_t{4});
        QCOMPARE(rest.steps, int64_t{8});
        QCOMPARE(scores.size(), size_t{2});  // steps 6 and 8, each worse than the stored 1.0
        for (const double score : scores) {
            QVERIFY(score < 1.0);
        }
        QVERIFY2(bytesOf(best) == before, "best.pt was replaced by a worse model");
        QCOMPARE(rest.bestDice, 1.0);
    }

    void pretrainingResumesAtTheStepOfItsState() {
        const std::string run = dir_.path().toStdString() + "/pretrain";
        torch::manual_seed(5);
        PretrainConfig config;
        config.architecture = "logonet-tiny";
        config.outChannels = 2;
        config.crop = 32;
        config.clusterSizes = {5, 4};
        config.iterations = 4;
        config.batch = 2;
        config.seed = 7;
        config.threads = 2;
        config.cacheDirectory = "cache";
        std::vector<torch::Tensor> labels;
        for (int64_t c = 0; c < 2; ++c) {
            const std::string name = "scan-" + std::to_string(c);
            writePretrainCrop((fs::path(run) / "cache" / (name + ".pt")).string(),
                              torch::rand({32, 32, 32}));
            config.cases.push_back(name);
            labels.push_back(torch::stack({torch::randint(0, 5, {32}, torch::kInt64),
                                           torch::randint(0, 4, {32}, torch::kInt64)},
                                          1));
        }
        fs::create_directories(fs::path(run) / "checkpoints");
        writePseudoLabels((fs::path(run) / config.pseudoLabels).string(), torch::stack(labels));
        RunFolder(run).writeConfig(config.toJson());

        auto stopAt = [&](int64_t step, std::atomic<bool>& stop) {
            return [&stop, step](const Json& event) {
                if (event.value("event", std::string()) == "step" &&
                    event.value("step", int64_t{0}) == step) {
                    stop = true;
                }
            };
        };
        const std::string last = run + "/checkpoints/last.pt";
        std::atomic<bool> stop{false};
        QVERIFY(PretrainingRun(config, run).run(false, stopAt(1, stop), &stop).stopped);
        QCOMPARE(readCheckpointInfo(last).step, int64_t{1});
        const std::string olderLast = run + "/last-at-1.pt";
        fs::copy_file(last, olderLast);
        stop = false;
        QVERIFY(PretrainingRun(config, run).run(true, stopAt(3, stop), &stop).stopped);
        // A kill after pretrain_state.pt of step 3 was written, before last.pt was replaced.
        fs::copy_file(olderLast, last, fs::copy_options::overwrite_existing);
        int64_t resumedAt = -1;
        int64_t firstStep = -1;
        const PretrainResult rest = PretrainingRun(config, run)
                                        .run(
                                            true,
                                            [&](const Json& event) {
                                                const std::string kind =
                                                    event.value("event", std::string());
                                                if (kind == "resumed") {
                                                    resumedAt = event.value("step", int64_t{-1});
                                                } else if (kind == "step" && firstStep < 0) {
                                                    firstStep = event.value("step", int64_t{-1});
                                                }
                                            },
                                            nullptr);
        QCOMPARE(resumedAt, int64_t{3});
        QCOMPARE(firstStep, int64_t{4});  // one step left of four
        QCOMPARE(rest.steps, int64_t{4});
        QCOMPARE(readCheckpointInfo(last).step, int64_t{4});
    }
};

QTEST_GUILESS_MAIN(CheckpointResumeTest)
#include "test_checkpoint_resume.moc"
