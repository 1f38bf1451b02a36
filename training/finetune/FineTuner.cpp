#include "finetune/FineTuner.h"

#include <charconv>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "cache/CaseCache.h"
#include "data/BatchLoader.h"
#include "data/CachedCaseSource.h"
#include "data/CropSampler.h"
#include "finetune/MixedPrecision.h"
#include "finetune/PretrainedInit.h"
#include "finetune/Validation.h"
#include "losses/DiceCELoss.h"
#include "network/Autocast.h"
#include "network/ComputeDevice.h"
#include "optim/FusedAdamW.h"
#include "registry/ModelRegistry.h"
#include "run/Checkpoint.h"
#include "run/TorchErrorLine.h"
#include "schedule/WarmupCosineSchedule.h"

namespace logonet::training {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

void setLearningRate(torch::optim::Optimizer& optimizer, double lr) {
    for (auto& group : optimizer.param_groups()) {
        static_cast<torch::optim::AdamWOptions&>(group.options()).lr(lr);
    }
}

// The training cases, read from the cache when a crop needs them and kept within `budget` bytes
// (a lab's labeled set, AMOS's 200 CTs say, is more than a workstation holds beside a network).
// Each is read once here: a case prepared with other settings, without labels or with a label
// outside the run's classes stops the run before its first step, naming the case.
std::shared_ptr<const CachedCaseSource> trainingCaseSource(const CaseCache& cache,
                                                           const FineTuneConfig& config,
                                                           int64_t budget) {
    auto convert = [config](const CachedCase& entry) -> std::shared_ptr<const TrainingCase> {
        if (!config.preprocessing.accepts(entry.settings)) {
            throw std::runtime_error(
                "cache case " + entry.id + " was prepared with other settings (" +
                entry.settings.describe() + ", the run wants " + config.preprocessing.describe() +
                "): run logonet prepare with the run's settings");
        }
        if (!entry.labeled()) {
            throw std::runtime_error("training case " + entry.id + " has no labels");
        }
        return std::make_shared<const TrainingCase>(makeTrainingCase(entry, config.classValues));
    };
    auto source = std::make_shared<CachedCaseSource>(cache.directory(), config.trainCases,
                                                     std::move(convert), budget);
    for (size_t c = 0; c < source->count(); ++c) {
        source->at(c);
    }
    return source;
}

}  // namespace

double peakResidentMemoryMiB() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmHWM:", 0) == 0) {
            // "VmHWM:    1234 kB"; from_chars, not stod, so that no locale changes the reading.
            const size_t digits = line.find_first_of("0123456789");
            long long kib = 0;
            if (digits != std::string::npos) {
                std::from_chars(line.data() + digits, line.data() + line.size(), kib);
            }
            return static_cast<double>(kib) / 1024.0;
        }
    }
    return 0.0;
}

std::string resolveCacheDirectory(const FineTuneConfig& config, const std::string& runDirectory) {
    const fs::path cache(config.cacheDirectory);
    return cache.is_absolute() ? cache.string() : (fs::path(runDirectory) / cache).string();
}

FineTuner::FineTuner(FineTuneConfig config, std::string runDirectory)
    : config_(std::move(config)), runDirectory_(std::move(runDirectory)) {
    factory_ = [](const FineTuneConfig& c) {
        model::NetworkOptions options;
        options.inChannels = 1;
        options.outChannels = static_cast<int64_t>(c.classValues.size());
        options.roi = {c.crop[2], c.crop[1], c.crop[0]};
        return model::createNetwork(c.architecture, options);
    };
}

model::Network FineTuner::buildNetwork() const {
    return factory_(config_);
}

FineTuneResult FineTuner::run(bool resume, const EventSink& sink, const std::atomic<bool>* stop) {
    try {
        return runLoop(resume, sink, stop);
    } catch (const c10::Error& error) {
        const std::string message = torchErrorLine(error);
        throw std::runtime_error("training failed in LibTorch: " + message +
                                 (message.find("more than 1 value per channel") != std::string::npos
                                      ? " (use --batch 2 or a larger --crop)"
                                      : ""));
    }
}

FineTuneResult FineTuner::runLoop(bool resume, const EventSink& sink,
                                  const std::atomic<bool>* stop) {
    const Clock::time_point started = Clock::now();
    const int rank = parallel_ ? parallel_->rank() : 0;
    const bool writer = rank == 0;
    RunFolder folder(runDirectory_);
    auto emit = [&](const Json& event) {
        if (!writer) {
            return;
        }
        folder.appendEvent(event);
        if (sink) {
            sink(event);
        }
    };
    if (config_.trainCases.empty()) {
        throw std::runtime_error("no labeled scans in the training split");
    }
    if (config_.classValues.size() < 2) {
        throw std::runtime_error("the label set names no classes to learn");
    }
    const torch::Device device =
        model::resolveComputeDevice(config_.device, parallel_ ? parallel_->localRank() : 0);
    if (config_.threads > 0) {
        at::set_num_threads(static_cast<int>(config_.threads));
    }

    const CaseCache cache(resolveCacheDirectory(config_, runDirectory_));
    CropSamplerOptions samplerOptions;
    samplerOptions.crop = config_.crop;
    samplerOptions.batch = config_.batch;
    samplerOptions.positiveFraction = config_.positiveFraction;
    samplerOptions.augment = config_.augment;
    samplerOptions.seed = config_.seed;
    const int64_t budget = memoryBudgetOr(caseMemoryBytes_);
    const CropSampler sampler(trainingCaseSource(cache, config_, budget), samplerOptions);
    // Validation cases are read one at a time when scored; a missing one is named now.
    for (const auto& id : config_.validationCases) {
        if (!cache.header(id)) {
            throw std::runtime_error(cache.headerPath(id) + ": no prepared validation case '" + id +
                                     "' (run logonet prepare)");
        }
    }

    torch::manual_seed(config_.seed);
    model::Network network = buildNetwork();
    for (const int64_t size : config_.crop) {
        const int64_t divisor = network->sizeDivisor();
        if (divisor > 0 && size % divisor != 0) {
            throw std::invalid_argument("crop size " + std::to_string(size) +
                                        " is not a multiple of " + std::to_string(divisor) +
                                        " as " + config_.architecture + " requires");
        }
    }
    network->to(device);
    FusedAdamW optimizer(
        network->parameters(),
        torch::optim::AdamWOptions(config_.learningRate).weight_decay(config_.weightDecay));

    int64_t startStep = 0;
    double bestDice = -1.0;
    int64_t bestStep = -1;
    const std::string lastPath = folder.lastCheckpointPath();
    if (resume && fs::exists(lastPath)) {
        const CheckpointInfo info = loadCheckpoint(lastPath, *network, &optimizer);
        startStep = info.step;
        bestDice = info.extra.value("best_dice", -1.0);
        bestStep = info.extra.value("best_step", int64_t{-1});
        // best.pt may be newer than last.pt (a validation after the last checkpoint, then a
        // kill): its score is the one a resumed run must beat, or a worse model replaces it.
        const std::string bestPath = folder.bestCheckpointPath();
        if (fs::exists(bestPath)) {
            const CheckpointInfo best = readCheckpointInfo(bestPath);
            const double stored = best.extra.value("best_dice", -1.0);
            if (stored > bestDice) {
                bestDice = stored;
                bestStep = best.extra.value("best_step", best.step);
            }
        }
        if (writer) {
            folder.truncateEventsAfter(startStep);
        }
        emit(Json(Json::Object{{"event", "resumed"}, {"step", Json(startStep)}}));
    } else if (!config_.initFrom.empty()) {
        const TransferScope scope = config_.initScope;
        const PartialLoadReport report = loadInitialWeights(config_.initFrom, *network, scope);
        if (writer) {
            // Every tensor's fate, by name, for whoever asks later what the run started from.
            writeJsonFileAtomically(folder.file("init_report.json"),
                                    initReportJson(config_.initFrom, scope, report));
        }
        emit(Json(Json::Object{{"event", "init"},
                               {"from", config_.initFrom},
                               {"scope", transferScopeName(scope)},
                               {"loaded", Json(report.loaded.size())},
                               {"skipped", Json(report.skipped.size())},
                               {"new", Json(report.missing.size())},
                               {"excluded", Json(report.excluded.size())},
                               {"summary", report.summary()}}));
    }
    if (config_.checkpointing && !network->setActivationCheckpointing(true)) {
        emit(Json(Json::Object{
            {"event", "note"},
            {"message", config_.architecture + " has no encoder stages to checkpoint; training "
                                               "without activation checkpointing"}}));
    }

    if (parallel_) {
        const std::vector<int64_t> starts = parallel_->synchronizeState(*network, startStep);
        for (size_t r = 0; r < starts.size(); ++r) {
            if (starts[r] != starts[0]) {
                throw std::runtime_error(
                    "rank " + std::to_string(r) + " would start at step " +
                    std::to_string(starts[r]) + " but rank 0 at step " + std::to_string(starts[0]) +
                    ": with --resume every rank must see the same run folder (" + runDirectory_ +
                    " on a shared file system)");
            }
        }
    }

    CheckpointInfo info;
    info.architecture = network->architecture();
    info.networkOptions = network->options();
    auto saveLast = [&](int64_t step) {
        if (!writer) {
            return;
        }
        info.step = step;
        info.extra = Json::object();
        info.extra["best_dice"] = bestDice;
        info.extra["best_step"] = Json(bestStep);
        saveCheckpoint(lastPath, *network, &optimizer, info);
    };

    const DiceCELoss loss(DiceCELossOptions{config_.diceWeight, config_.ceWeight, 1e-5});
    const WarmupCosineSchedule schedule(config_.learningRate, config_.effectiveWarmup(),
                                        config_.iterations);
    const int64_t accumulation = std::max<int64_t>(1, config_.accumulation);
    const int64_t world = parallel_ ? parallel_->worldSize() : 1;
    // Rank r of W takes, for micro-batch m of step s, the sampler's batch (s * A + m) * W + r:
    // the W ranks of a step together see exactly the micro-batches one process with W times the
    // accumulation would, each normalised (BatchNorm) and scored (batch Dice) on its own, so W
    // ranks at batch B train as one process at batch B with accumulation A * W.
    BatchLoader batches(sampler, startStep * accumulation * world + rank,
                        config_.iterations * accumulation * world, world);

    MixedPrecision precision(config_.amp, device);
    FineTuneResult result;
    result.bestDice = bestDice;
    result.bestStep = bestStep;
    Clock::time_point intervalStart = Clock::now();
    int64_t intervalSteps = 0;
    const int64_t casesPerEpoch = static_cast<int64_t>(sampler.caseCount());
    network->train();
    for (int64_t step = startStep; step < config_.iterations; ++step) {
        optimizer.zero_grad();
        double lossSum = 0, diceSum = 0, ceSum = 0;
        for (int64_t m = 0; m < accumulation; ++m) {
            if (parallel_) {
                parallel_->beginMicroBatch(m + 1 == accumulation);
            }
            const TrainingBatch batch = batches.next();
            const torch::Tensor image = batch.image.to(device);
            const torch::Tensor labels = batch.labels.to(device);
            torch::Tensor logits;
            {
                const model::AutocastScope autocast(precision.autocast(), device);
                logits = network->forward(image);
            }
            const LossTerms terms = loss(logits.to(torch::kFloat), labels);
            const torch::Tensor scaled =
                precision.scaleLoss(terms.total / static_cast<double>(accumulation));
            if (parallel_) {
                parallel_->backward(scaled);
            } else {
                scaled.backward();
            }
            lossSum += terms.total.item<double>();
            diceSum += terms.dice.item<double>();
            ceSum += terms.ce.item<double>();
        }
        bool stopping = false;
        if (parallel_) {
            // Every rank must stop after the same step, so a stop request is averaged with the
            // loss terms; the logged loss is the mean over the ranks.
            std::vector<double> statistics{lossSum, diceSum, ceSum,
                                           stop != nullptr && stop->load() ? 1.0 : 0.0};
            parallel_->averageStatistics(statistics);
            lossSum = statistics[0];
            diceSum = statistics[1];
            ceSum = statistics[2];
            stopping = statistics[3] > 0.0;
        }
        const double lr = schedule.at(step);
        setLearningRate(optimizer, lr);
        if (precision.unscale(*network)) {
            optimizer.step();
        }
        ++intervalSteps;
        const int64_t done = step + 1;
        result.finalLoss = lossSum / static_cast<double>(accumulation);
        const double elapsed = secondsSince(intervalStart);
        Json event = Json::object();
        event["event"] = "step";
        event["step"] = Json(done);
        event["epoch"] = static_cast<double>(done * config_.batch * accumulation * world) /
                         static_cast<double>(casesPerEpoch);
        event["loss"] = result.finalLoss;
        event["dice_loss"] = diceSum / static_cast<double>(accumulation);
        event["ce_loss"] = ceSum / static_cast<double>(accumulation);
        event["lr"] = lr;
        event["it_per_s"] = elapsed > 0 ? static_cast<double>(intervalSteps) / elapsed : 0.0;
        event["memory_mb"] = peakResidentMemoryMiB();
        event["total"] = Json(config_.iterations);
        emit(event);
        if (elapsed > 5.0) {
            intervalStart = Clock::now();
            intervalSteps = 0;
        }

        const bool last = done == config_.iterations;
        if (writer && !config_.validationCases.empty() && config_.validateEvery > 0 &&
            (done % config_.validateEvery == 0 || last)) {
            const ValidationScores scores =
                validate(network, cache, config_.validationCases, config_, device);
            emit(Json(Json::Object{{"event", "validation"},
                                   {"step", Json(done)},
                                   {"mean_dice", scores.meanDice},
                                   {"per_class", scores.perClass}}));
            if (scores.meanDice > bestDice) {
                bestDice = scores.meanDice;
                bestStep = done;
                info.step = done;
                info.extra = Json::object();
                info.extra["best_dice"] = bestDice;
                info.extra["best_step"] = Json(bestStep);
                saveCheckpoint(folder.bestCheckpointPath(), *network, nullptr, info);
            }
        }
        if (!parallel_) {
            stopping = stop != nullptr && stop->load();
        }
        // Every rank has the same stop step, so they all stop after the same step without asking.
        stopping = stopping || (stopAtStep_ > 0 && done >= stopAtStep_);
        if (last || stopping ||
            (config_.checkpointEvery > 0 && done % config_.checkpointEvery == 0)) {
            saveLast(done);
        }
        result.steps = done;
        if (stopping && !last) {
            emit(Json(Json::Object{{"event", "stopped"}, {"step", Json(done)}}));
            result.stopped = true;
            break;
        }
    }
    if (parallel_) {
        parallel_->broadcastBuffers();
    }
    if (writer && !result.stopped &&
        (config_.validationCases.empty() || config_.validateEvery <= 0)) {
        // Without validation the final weights are the best we know.
        info.step = result.steps;
        saveCheckpoint(folder.bestCheckpointPath(), *network, nullptr, info);
    }
    if (!finalWeightsPath_.empty()) {
        info.step = result.steps;
        saveCheckpoint(finalWeightsPath_, *network, nullptr, info);
    }
    result.bestDice = bestDice;
    result.bestStep = bestStep;
    result.seconds = secondsSince(started);
    return result;
}

}  // namespace logonet::training
