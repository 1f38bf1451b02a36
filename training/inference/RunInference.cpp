#include "inference/RunInference.h"

#include <filesystem>
#include <stdexcept>

#include "cache/CasePreparation.h"
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
    torch::Device device = torch::kCPU;
    if (options.device == "cuda") {
        if (!torch::cuda::is_available()) {
            throw std::runtime_error("--device cuda: no CUDA in this LibTorch build or no GPU");
        }
        device = torch::kCUDA;
    }
    network_->to(device);
    SlidingWindowOptions window;
    window.roi = {config_.crop[2], config_.crop[1], config_.crop[0]};
    window.overlap = options.overlap;
    window.blend = options.blend;
    window.mirror = options.mirror;
    window.windowBatch = options.windowBatch;
    predictor_ = std::make_unique<CasePredictor>(network_, config_.classValues, window, device);
}

std::string RunInference::runName() const {
    return RunFolder(runDirectory_).name();
}

LabelVolume RunInference::predict(const ImageVolume& image, ImageVolume* foreground) const {
    const CachedCase prepared =
        prepareCase("inference", image, LabelVolume(), config_.preprocessing);
    const torch::Tensor probabilities = predictor_->probabilities(prepared.image);
    const LabelVolume labels = predictor_->labelsFrom(probabilities, prepared.image.geometry());
    if (foreground != nullptr) {
        const torch::Tensor notBackground = (1.0 - probabilities[0]).contiguous();
        std::vector<float> values(notBackground.data_ptr<float>(),
                                  notBackground.data_ptr<float>() + notBackground.numel());
        const ImageVolume onPrepared(prepared.image.geometry(), std::move(values));
        *foreground = resampleLinear(onPrepared, image.geometry(), 0.0f);
    }
    return resampleNearest(labels, image.geometry());
}

}  // namespace logonet::training
