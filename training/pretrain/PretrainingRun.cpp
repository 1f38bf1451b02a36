#include "pretrain/PretrainingRun.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <random>
#include <stdexcept>
#include <vector>

#include "network/ComputeDevice.h"
#include "pretrain/PretextAccuracy.h"
#include "pretrain/PretrainFiles.h"
#include "pretrain/Pretrainer.h"
#include "registry/ModelRegistry.h"
#include "run/Checkpoint.h"
#include "run/RunFolder.h"

namespace logonet::training {

namespace fs = std::filesystem;

namespace {

std::string resolve(const std::string& runDirectory, const std::string& path) {
    return fs::path(path).is_absolute() ? path : (fs::path(runDirectory) / path).string();
}

// A label outside [0, K_i) would index past the head's logits deep inside the loss.
void checkLabelRanges(const torch::Tensor& labels, const std::vector<int64_t>& clusterSizes,
                      const std::string& path) {
    for (size_t n = 0; n < clusterSizes.size(); ++n) {
        const auto column = labels.select(2, static_cast<int64_t>(n));
        if (column.min().item<int64_t>() < 0 || column.max().item<int64_t>() >= clusterSizes[n]) {
            throw std::runtime_error(
                path + ": clusterer " + std::to_string(n + 1) + " has labels outside 0.." +
                std::to_string(clusterSizes[n] - 1) + " (cluster_sizes in config.json)");
        }
    }
}

}  // namespace

int64_t heldOutScans(int64_t cases) {
    return cases < 3 ? 0 : std::max<int64_t>(1, cases / 5);
}

PretrainingRun::PretrainingRun(PretrainConfig config, std::string runDirectory)
    : config_(std::move(config)), runDirectory_(std::move(runDirectory)) {}

PretrainResult PretrainingRun::run(bool resume, const Emit& emit, const std::atomic<bool>* stop) {
    const auto started = std::chrono::steady_clock::now();
    if (config_.threads > 0) {
        at::set_num_threads(static_cast<int>(config_.threads));
    }
    const std::string cache = resolve(runDirectory_, config_.cacheDirectory);
    const std::string labelsPath = resolve(runDirectory_, config_.pseudoLabels);
    const int64_t cases = static_cast<int64_t>(config_.cases.size());
    const int64_t clusterers = static_cast<int64_t>(config_.clusterSizes.size());
    const torch::Tensor allLabels = readPseudoLabels(labelsPath, cases, config_.crop, clusterers);
    checkLabelRanges(allLabels, config_.clusterSizes, labelsPath);
    std::vector<torch::Tensor> crops;
    std::vector<torch::Tensor> labels;
    for (int64_t c = 0; c < cases; ++c) {
        const std::string path =
            (fs::path(cache) / (config_.cases[static_cast<size_t>(c)] + ".pt")).string();
        crops.push_back(readPretrainCrop(path, config_.crop).unsqueeze(0));
        labels.push_back(allLabels[c]);
    }

    const torch::Device device = model::resolveComputeDevice(config_.device);
    // Seeded before the network is built: seeded after it (as the first version of this loop
    // was), the initial weights came from the unseeded generator and differed run to run.
    torch::manual_seed(config_.seed);
    model::NetworkOptions networkOptions;
    networkOptions.outChannels = config_.outChannels;
    networkOptions.roi = {config_.crop, config_.crop, config_.crop};
    auto network = model::createNetwork(config_.architecture, networkOptions);
    network->to(device);
    PretrainerOptions options;
    options.clusterSizes = config_.clusterSizes;
    options.tau = config_.tau;
    options.learningRate = config_.learningRate;
    options.mask = config_.mask;
    options.amp = config_.amp;
    options.masking.axis = config_.axis;
    options.masking.phi1 = config_.phi1;
    options.masking.length = config_.maskLength;
    options.masking.phi2 = config_.phi2;
    options.totalSteps = config_.iterations;
    options.warmupSteps = std::max<int64_t>(1, config_.iterations / 10);
    options.seed = config_.seed;
    Pretrainer pretrainer(network, options);

    fs::create_directories(fs::path(runDirectory_) / "checkpoints");
    RunFolder folder(runDirectory_);
    const std::string statePath = folder.file("checkpoints/pretrain_state.pt");
    int64_t start = 0;
    if (resume && fs::exists(statePath)) {
        // The step comes from the state file itself; last.pt is only the export for --init.
        // State files of older builds have none: their last.pt was written with them.
        const std::optional<int64_t> stored = pretrainer.loadState(statePath);
        start = stored ? *stored : readCheckpointInfo(folder.lastCheckpointPath()).step;
        folder.truncateEventsAfter(start);
        if (emit) {
            emit(Json(Json::Object{{"event", "resumed"}, {"step", Json(start)}}));
        }
    }

    // The last scans are held out for the pretext accuracy; the others are trained on.
    const int64_t heldOut = heldOutScans(cases);
    const auto training = static_cast<size_t>(cases - heldOut);
    std::uniform_int_distribution<size_t> pick(0, training - 1);
    // The state (what --resume reads, with its step inside) first: a kill before last.pt is
    // replaced leaves an older but whole last.pt for `train --init`, and a correct resume.
    auto save = [&](int64_t step) {
        pretrainer.saveState(statePath, step);
        pretrainer.saveNetwork(folder.lastCheckpointPath(), step);
    };
    auto seconds = [&] {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    };
    PretrainResult result;
    result.steps = start;
    for (int64_t step = start; step < config_.iterations; ++step) {
        // Drawn from the step's own seed (not one stream from the start): a resumed run picks
        // the same crops at every step as an uninterrupted one.
        std::mt19937_64 random(stepSeed(config_.seed, step) + 1);
        std::vector<torch::Tensor> batchCrops;
        std::vector<torch::Tensor> batchLabels;
        for (int64_t b = 0; b < config_.batch; ++b) {
            const size_t index = pick(random);
            batchCrops.push_back(crops[index]);
            batchLabels.push_back(labels[index]);
        }
        result.finalLoss = pretrainer.step(torch::stack(batchCrops).to(device),
                                           torch::stack(batchLabels).to(device), step);
        result.steps = step + 1;
        // "total" as fine-tuning's step events have it, for the same progress bars.
        const Json event(Json::Object{{"event", "step"},
                                      {"step", Json(step + 1)},
                                      {"steps", Json(config_.iterations)},
                                      {"total", Json(config_.iterations)},
                                      {"loss", result.finalLoss}});
        folder.appendEvent(event);
        if (emit) {
            emit(event);
        }
        if (stop != nullptr && stop->load()) {
            save(step + 1);
            const Json stopped(Json::Object{{"event", "stopped"}, {"step", Json(step + 1)}});
            folder.appendEvent(stopped);
            if (emit) {
                emit(stopped);
            }
            result.stopped = true;
            result.seconds = seconds();
            return result;
        }
        if ((step + 1) % 50 == 0) {
            save(step + 1);
        }
    }
    save(config_.iterations);
    // `train --init RUNDIR` reads best.pt (else last.pt): both hold the branches only.
    pretrainer.saveNetwork(folder.bestCheckpointPath(), config_.iterations);
    if (heldOut > 0) {
        const auto first = static_cast<std::ptrdiff_t>(training);
        // Masks of steps no run takes (from the iteration count on), the same on every measure.
        const PretextAccuracy accuracy =
            measurePretextAccuracy(pretrainer, {crops.begin() + first, crops.end()},
                                   {labels.begin() + first, labels.end()},
                                   {labels.begin(), labels.begin() + first}, config_.iterations);
        result.pretext = accuracy.toJson();
        folder.appendEvent(result.pretext);
        if (emit) {
            emit(result.pretext);
        }
    }
    folder.appendEvent(
        Json(Json::Object{{"event", "finished"}, {"step", Json(config_.iterations)}}));
    result.seconds = seconds();
    return result;
}

}  // namespace logonet::training
