#include "inference/RunInference.h"

#include <filesystem>
#include <stdexcept>

#include "cache/CasePreparation.h"
#include "network/ComputeDevice.h"
#include "registry/ModelRegistry.h"
#include "resample/Resampling.h"
#include "run/Checkpoint.h"
#include "run/RunFolder.h"

namespace logonet::training {

namespace fs = std::filesystem;

RunInference::RunInference(const std::string& runDirectory, RunInferenceOptions options)
    : runDirectory_(runDirectory) {
    const RunFolder folder(runDirectory);
    try {
        config_ = FineTuneConfig::fromJson(folder.readConfig());
    } catch (const JsonError& error) {
        throw std::runtime_error(folder.configPath() + ": " + error.what());
    }
    checkpoint_ = options.checkpoint;
    if (checkpoint_.empty()) {
        checkpoint_ = fs::exists(folder.bestCheckpointPath()) ? folder.bestCheckpointPath()
                                                              : folder.lastCheckpointPath();
    }
    const CheckpointInfo info = readCheckpointInfo(checkpoint_);
    if (info.architecture != config_.architecture) {
        throw std::runtime_error(checkpoint_ + ": a checkpoint of architecture '" +
                                 info.architecture + "', but the run trains '" +
                                 config_.architecture + "'");
    }
    network_ = model::createNetwork(info.architecture, info.networkOptions);
    loadCheckpoint(checkpoint_, *network_, nullptr);
    const torch::Device device = model::resolveComputeDevice(options.device);
    network_->to(device);
    SlidingWindowOptions window;
    window.roi = {config_.crop[2], config_.crop[1], config_.crop[0]};
    window.overlap = options.overlap;
    window.blend = options.blend;
    window.mirror = options.mirror;
    window.windowBatch = options.windowBatch;
    predictor_ =
        std::make_unique<CasePredictor>(network_, config_.classValues, window, device, options.amp);
}

std::string RunInference::runName() const {
    return RunFolder(runDirectory_).name();
}

LabelVolume RunInference::predict(const ImageVolume& image, ImageVolume* foreground) const {
    return predict(image, std::string(), foreground);
}

LabelVolume RunInference::predict(const ImageVolume& image, const std::string& scanModality,
                                  ImageVolume* foreground) const {
    const CachedCase prepared = prepareCase(
        "inference", image, LabelVolume(),
        scanModality.empty() ? config_.preprocessing : config_.preprocessing.forScan(scanModality));
    const torch::Tensor probabilities = predictor_->probabilities(prepared.image);
    auto onOriginalGrid = [&](const torch::Tensor& channel, float outside) {
        const torch::Tensor values = channel.to(torch::kFloat).contiguous();
        std::vector<float> copy(values.data_ptr<float>(),
                                values.data_ptr<float>() + values.numel());
        const ImageVolume onPrepared(prepared.image.geometry(), std::move(copy));
        return resampleLinear(onPrepared, image.geometry(), outside);
    };
    if (foreground != nullptr) {
        *foreground = onOriginalGrid(1.0 - probabilities[0], 0.0f);
    }
    // The argmax of the probabilities interpolated onto the scan's grid, not the nearest prepared
    // label: when the prepared spacing is coarser than the scan's, nearest-neighbour labels come
    // back as blocks, which costs thin structures (vessels) much of their Dice.
    const int64_t classes = probabilities.size(0);
    std::vector<ImageVolume> channels;
    for (int64_t c = 0; c < classes; ++c) {
        // Outside the prepared (foreground-cropped) box everything is background.
        channels.push_back(onOriginalGrid(probabilities[c], c == 0 ? 1.0f : 0.0f));
    }
    std::vector<float> stacked;
    stacked.reserve(static_cast<size_t>(classes) * image.voxelCount());
    for (const ImageVolume& channel : channels) {
        stacked.insert(stacked.end(), channel.voxels().begin(), channel.voxels().end());
    }
    const Size3& size = image.size();
    const torch::Tensor onOriginal =
        torch::from_blob(stacked.data(), {classes, size[2], size[1], size[0]}, torch::kFloat);
    return predictor_->labelsFrom(onOriginal, image.geometry());
}

}  // namespace logonet::training
