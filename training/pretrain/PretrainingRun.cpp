#include "pretrain/PretrainingRun.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <numeric>
#include <random>
#include <stdexcept>
#include <vector>

#include "data/CachedCaseSource.h"
#include "kmeans/NpyMatrix.h"
#include "network/ComputeDevice.h"
#include "pretrain/PretextAccuracy.h"
#include "pretrain/PretrainCropDraw.h"
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

// Where a run's batches come from, and the held-out crops its pretext accuracy is measured on.
struct PretrainData {
    // Step -> (crops (B, 1, X, Y, Z), labels (B, S, N)); a function of the seed and the step
    // alone, so that a resumed run draws what an uninterrupted one would.
    std::function<std::pair<torch::Tensor, torch::Tensor>(int64_t)> draw;
    std::vector<torch::Tensor> heldOutCrops;    // (1, X, Y, Z) each
    std::vector<torch::Tensor> heldOutLabels;   // (S, N) each
    std::vector<torch::Tensor> trainingLabels;  // (S, N) each, for the position-only baseline
};

// Runs set up before random crops: one fixed crop per scan with its stored pseudo-labels.
PretrainData fixedCropData(const PretrainConfig& config, const std::string& runDirectory,
                           const std::string& cache) {
    const std::string labelsPath = resolve(runDirectory, config.pseudoLabels);
    const int64_t cases = static_cast<int64_t>(config.cases.size());
    const int64_t clusterers = static_cast<int64_t>(config.clusterSizes.size());
    const torch::Tensor allLabels = readPseudoLabels(labelsPath, cases, config.crop, clusterers);
    checkLabelRanges(allLabels, config.clusterSizes, labelsPath);
    auto crops = std::make_shared<std::vector<torch::Tensor>>();
    auto labels = std::make_shared<std::vector<torch::Tensor>>();
    for (int64_t c = 0; c < cases; ++c) {
        const std::string path =
            (fs::path(cache) / (config.cases[static_cast<size_t>(c)] + ".pt")).string();
        crops->push_back(readPretrainCrop(path, config.crop).unsqueeze(0));
        labels->push_back(allLabels[c]);
    }
    // The last scans are held out for the pretext accuracy; the others are trained on.
    const auto training = static_cast<size_t>(cases - heldOutScans(cases));
    PretrainData data;
    data.heldOutCrops.assign(crops->begin() + static_cast<std::ptrdiff_t>(training), crops->end());
    data.heldOutLabels.assign(labels->begin() + static_cast<std::ptrdiff_t>(training),
                              labels->end());
    data.trainingLabels.assign(labels->begin(),
                               labels->begin() + static_cast<std::ptrdiff_t>(training));
    const uint64_t seed = config.seed;
    const int64_t batch = config.batch;
    data.draw = [=](int64_t step) {
        // Drawn from the step's own seed (not one stream from the start): a resumed run picks
        // the same crops at every step as an uninterrupted one.
        std::mt19937_64 random(stepSeed(seed, step) + 1);
        std::uniform_int_distribution<size_t> pick(0, training - 1);
        std::vector<torch::Tensor> batchCrops;
        std::vector<torch::Tensor> batchLabels;
        for (int64_t b = 0; b < batch; ++b) {
            const size_t index = pick(random);
            batchCrops.push_back((*crops)[index]);
            batchLabels.push_back((*labels)[index]);
        }
        return std::make_pair(torch::stack(batchCrops), torch::stack(batchLabels));
    };
    return data;
}

std::vector<torch::Tensor> readCentroids(const PretrainConfig& config,
                                         const std::string& runDirectory) {
    std::vector<torch::Tensor> centroids;
    for (size_t n = 0; n < config.centroids.size(); ++n) {
        const std::string path = resolve(runDirectory, config.centroids[n]);
        const torch::Tensor matrix = readNpyMatrix(path);
        if (matrix.size(0) != config.clusterSizes[n] ||
            matrix.size(1) != config.crop * config.crop) {
            throw std::runtime_error(path + ": " + std::to_string(matrix.size(0)) + "x" +
                                     std::to_string(matrix.size(1)) +
                                     " centroids where the run "
                                     "needs " +
                                     std::to_string(config.clusterSizes[n]) + "x" +
                                     std::to_string(config.crop * config.crop) +
                                     " (cluster_sizes and crop in config.json)");
        }
        centroids.push_back(matrix);
    }
    return centroids;
}

// Crops held out for the pretext accuracy and crops of the training scans for its position-only
// baseline: a few per scan, not augmented, from seeds no training step uses. At most a few
// hundred in all: the held-out crops are kept to the end (3.5 MB each at 96^3), and a few
// thousand masked slices already give the accuracy to about a percent.
constexpr int64_t kMeasuredCropsPerScan = 4;
constexpr int64_t kMaxHeldOutCrops = 64;
constexpr int64_t kMaxPositionCrops = 256;

// Runs set up from prepared cases: random crops, labeled by their nearest centroids when drawn.
PretrainData randomCropData(const PretrainConfig& config, const std::string& runDirectory,
                            const std::string& cache, const torch::Device& device,
                            int64_t caseMemoryBytes) {
    const int64_t cases = static_cast<int64_t>(config.cases.size());
    const auto training = static_cast<std::ptrdiff_t>(cases - heldOutScans(cases));
    auto centroids = std::make_shared<std::vector<torch::Tensor>>();
    for (const auto& matrix : readCentroids(config, runDirectory)) {
        centroids->push_back(matrix.to(device));
    }
    // Read when drawn, the most recent kept within the budget: a lab's few hundred scans do not
    // fit in memory beside the network, and a case read costs milliseconds against a step's
    // hundreds.
    const int64_t budget = memoryBudgetOr(caseMemoryBytes);
    const auto trainingCases = std::make_shared<CachedCaseSource>(
        cache, std::vector<std::string>(config.cases.begin(), config.cases.begin() + training),
        pretrainingCase, budget);
    const auto heldOutCases = std::make_shared<CachedCaseSource>(
        cache, std::vector<std::string>(config.cases.begin() + training, config.cases.end()),
        pretrainingCase, 0);
    CropSamplerOptions options;
    options.crop = {config.crop, config.crop, config.crop};
    options.positiveFraction = 0.0;
    options.batch = config.batch;
    options.augment = true;
    options.seed = config.seed;
    auto sampler = std::make_shared<CropSampler>(trainingCases, options);
    const SliceAxis axis = config.axis;
    const bool shuffle = config.shuffleLabels;
    const uint64_t seed = config.seed;
    PretrainData data;
    data.draw = [=](int64_t step) {
        const torch::Tensor crops = drawPretrainCrops(*sampler, step);
        torch::Tensor labels = nearestCentroidLabels(crops.to(device), *centroids, axis).cpu();
        if (shuffle) {
            std::mt19937_64 random(stepSeed(seed, step) + 2);
            for (int64_t b = 0; b < labels.size(0); ++b) {
                std::vector<int64_t> order(static_cast<size_t>(labels.size(1)));
                std::iota(order.begin(), order.end(), int64_t{0});
                std::shuffle(order.begin(), order.end(), random);
                labels[b] = labels[b].index_select(0, torch::tensor(order, torch::kInt64));
            }
        }
        return std::make_pair(crops, labels);
    };
    auto measured = [&](const std::shared_ptr<const CaseSource>& scans, uint64_t salt, int64_t most,
                        std::vector<torch::Tensor>* crops, std::vector<torch::Tensor>& labels) {
        if (scans->count() == 0) {
            return;
        }
        CropSamplerOptions fixed = options;
        fixed.augment = false;
        fixed.batch = 1;
        fixed.seed = mixSeed(config.seed, salt);
        const CropSampler measuredSampler(scans, fixed);
        const int64_t count = std::min(
            most, kMeasuredCropsPerScan * static_cast<int64_t>(measuredSampler.caseCount()));
        for (int64_t n = 0; n < count; ++n) {
            const torch::Tensor crop = drawPretrainCrops(measuredSampler, n);
            labels.push_back(nearestCentroidLabels(crop.to(device), *centroids, axis).cpu()[0]);
            if (crops != nullptr) {
                crops->push_back(crop[0]);
            }
        }
    };
    measured(heldOutCases, 0x6865'6c64ULL, kMaxHeldOutCrops, &data.heldOutCrops,
             data.heldOutLabels);
    measured(trainingCases, 0x7472'6169ULL, kMaxPositionCrops, nullptr, data.trainingLabels);
    return data;
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
    const int64_t cases = static_cast<int64_t>(config_.cases.size());
    const torch::Device device = model::resolveComputeDevice(config_.device);
    const PretrainData data =
        config_.drawsRandomCrops()
            ? randomCropData(config_, runDirectory_, cache, device, caseMemoryBytes_)
            : fixedCropData(config_, runDirectory_, cache);
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

    const int64_t heldOut = heldOutScans(cases);
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
        const auto [crops, labels] = data.draw(step);
        result.finalLoss = pretrainer.step(crops.to(device), labels.to(device), step);
        result.steps = step + 1;
        // "total" as fine-tuning's step events have it, for the same progress bars.
        const Json event(Json::Object{
            {"event", "step"},
            {"step", Json(step + 1)},
            {"steps", Json(config_.iterations)},
            {"total", Json(config_.iterations)},
            {"loss", result.finalLoss},
            {"lr", pretrainer.learningRateAt(step)},
            {"it_per_s", static_cast<double>(step + 1 - start) / std::max(seconds(), 1e-9)}});
        folder.appendEvent(event);
        if (emit) {
            emit(event);
        }
        const bool stopStep =
            stopAtStep_ > 0 && step + 1 >= stopAtStep_ && step + 1 < config_.iterations;
        if ((stop != nullptr && stop->load()) || stopStep) {
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
        // Masks of steps no run takes (from the iteration count on), the same on every measure.
        PretextAccuracy accuracy =
            measurePretextAccuracy(pretrainer, data.heldOutCrops, data.heldOutLabels,
                                   data.trainingLabels, config_.iterations);
        accuracy.scans = heldOut;  // measured on several crops of each
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
