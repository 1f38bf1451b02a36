#include "encoder/LkaEncoder.h"

#include <stdexcept>

#include "blocks/ActivationCheckpoint.h"

namespace logonet::model {

LkaEncoderOptions LkaEncoderOptions::firstStages(size_t count) const {
    if (count < 1 || count > dims.size()) {
        throw std::invalid_argument("encoder: cannot take " + std::to_string(count) +
                                    " stages of a " + std::to_string(dims.size()) +
                                    "-stage configuration");
    }
    LkaEncoderOptions result = *this;
    result.dims.resize(count);
    result.depths.resize(count);
    result.mlpRatios.resize(count);
    return result;
}

int64_t LkaEncoderOptions::stride() const {
    return int64_t(4) << (dims.size() - 1);
}

LkaEncoderImpl::LkaEncoderImpl(const LkaEncoderOptions& options) {
    if (options.dims.empty() || options.depths.size() != options.dims.size() ||
        options.mlpRatios.size() != options.dims.size()) {
        throw std::invalid_argument(
            "encoder: dims, depths and mlp ratios need one entry per stage");
    }
    stages = register_module("stages", torch::nn::ModuleList());
    int64_t channels = options.inChannels;
    for (size_t i = 0; i < options.dims.size(); ++i) {
        EncoderStageOptions stage(channels, options.dims[i], options.depths[i],
                                  options.mlpRatios[i]);
        stage.kernel(i == 0 ? 7 : 3).stride(i == 0 ? 4 : 2).fast(options.fast);
        stages->push_back(EncoderStage(stage));
        channels = options.dims[i];
    }
}

std::vector<torch::Tensor> LkaEncoderImpl::forward(const torch::Tensor& input) {
    std::vector<torch::Tensor> features;
    torch::Tensor x = input;
    const bool checkpoint = checkpointing_ && is_training() && torch::GradMode::is_enabled();
    for (const auto& stage : *stages) {
        auto* encoderStage = stage->as<EncoderStage>();
        if (checkpoint) {
            x = checkpointedForward(
                stage,
                [encoderStage](const torch::Tensor& in) { return encoderStage->forward(in); }, x);
        } else {
            x = encoderStage->forward(x);
        }
        features.push_back(x);
    }
    return features;
}

}  // namespace logonet::model
