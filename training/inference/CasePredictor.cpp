#include "inference/CasePredictor.h"

#include <stdexcept>

#include "network/Autocast.h"

namespace logonet::training {

torch::Tensor volumeToTensor(const ImageVolume& image) {
    const Size3& s = image.size();
    return torch::from_blob(const_cast<float*>(image.data()), {1, 1, s[2], s[1], s[0]},
                            torch::kFloat)
        .clone();
}

CasePredictor::CasePredictor(model::Network network, std::vector<LabelValue> classValues,
                             SlidingWindowOptions options, torch::Device device, bool amp)
    : network_(std::move(network)),
      classValues_(std::move(classValues)),
      options_(options),
      device_(device),
      amp_(amp) {
    const int64_t divisor = network_->sizeDivisor();
    for (const int64_t r : options_.roi) {
        if (divisor > 0 && r % divisor != 0) {
            throw std::invalid_argument("window size " + std::to_string(r) +
                                        " is not a multiple of " + std::to_string(divisor) +
                                        " as " + network_->architecture() + " requires");
        }
    }
}

torch::Tensor CasePredictor::probabilities(const ImageVolume& image) const {
    torch::NoGradGuard noGrad;
    const bool wasTraining = network_->is_training();
    network_->eval();
    const torch::Tensor input = volumeToTensor(image).to(device_);
    auto predictor = [this](const torch::Tensor& windows) {
        const model::AutocastScope autocast(amp_, device_);
        return torch::softmax(network_->forward(windows).to(torch::kFloat), 1);
    };
    torch::Tensor out = slidingWindowInference(input, predictor, options_);
    if (wasTraining) {
        network_->train();
    }
    return out.squeeze(0).to(torch::kCPU);
}

LabelVolume CasePredictor::labelsFrom(const torch::Tensor& probabilities,
                                      const ImageGeometry& geometry) const {
    if (probabilities.size(0) > static_cast<int64_t>(classValues_.size())) {
        throw std::invalid_argument(
            "the network predicts " + std::to_string(probabilities.size(0)) +
            " classes but the run names " + std::to_string(classValues_.size()));
    }
    const torch::Tensor classes = probabilities.argmax(0).to(torch::kLong).contiguous();
    LabelVolume labels(geometry, 0);
    if (classes.numel() != labels.voxelCount()) {
        throw std::invalid_argument("prediction does not match the volume's size");
    }
    const int64_t* c = classes.data_ptr<int64_t>();
    auto& out = labels.voxels();
    for (size_t n = 0; n < out.size(); ++n) {
        out[n] = classValues_[static_cast<size_t>(c[n])];
    }
    return labels;
}

LabelVolume CasePredictor::segment(const ImageVolume& image) const {
    return labelsFrom(probabilities(image), image.geometry());
}

}  // namespace logonet::training
