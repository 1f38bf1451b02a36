#include "pretrain/PretextAccuracy.h"

#include <stdexcept>

#include "pretrain/PretextBaselines.h"

namespace logonet::training {

Json PretextAccuracy::toJson() const {
    return Json(Json::Object{{"event", "pretext"},
                             {"held_out_scans", Json(scans)},
                             {"masked_slices", Json(slices)},
                             {"accuracy", model},
                             {"chance", chance},
                             {"position_only", positionOnly},
                             {"crop_majority", cropMajority},
                             {"beats_position_only", beatsPositionOnly()},
                             {"beats_crop_majority", beatsCropMajority()}});
}

PretextAccuracy measurePretextAccuracy(Pretrainer& pretrainer,
                                       const std::vector<torch::Tensor>& crops,
                                       const std::vector<torch::Tensor>& labels,
                                       const std::vector<torch::Tensor>& trainingLabels,
                                       int64_t maskStep) {
    if (crops.size() != labels.size() || trainingLabels.empty()) {
        throw std::invalid_argument("pretext accuracy needs labels for every crop");
    }
    const auto& sizes = pretrainer.options().clusterSizes;
    PretextAccuracy result;
    result.scans = static_cast<int64_t>(crops.size());
    for (const int64_t k : sizes) {
        result.chance += 1.0 / static_cast<double>(k) / static_cast<double>(sizes.size());
    }
    const auto majority = majorityPerPosition(trainingLabels, sizes);
    const torch::Device device = pretrainer.network()->parameters().empty()
                                     ? torch::Device(torch::kCPU)
                                     : pretrainer.network()->parameters().front().device();
    int64_t counted = 0;
    double modelHits = 0.0;
    double positionHits = 0.0;
    double cropHits = 0.0;
    for (size_t c = 0; c < crops.size(); ++c) {
        // One crop at a time, each with its own masks, as a batch of one.
        const auto masked = pretrainer.maskFor(crops[c].unsqueeze(0).to(device),
                                               maskStep + static_cast<int64_t>(c));
        const auto predicted = pretrainer.predict(masked)[0];  // (S, N)
        const auto which = masked.masked[0].to(torch::kCPU);   // (S)
        const auto truth = labels[c].to(torch::kCPU);
        modelHits += (predicted.index({which}) == truth.index({which})).sum().item<double>();
        positionHits += (majority.index({which}) == truth.index({which})).sum().item<double>();
        const auto fromCrop = cropMajorityPrediction(truth, which, sizes);
        cropHits += (fromCrop.index({which}) == truth.index({which})).sum().item<double>();
        counted += which.sum().item<int64_t>();
    }
    result.slices = counted;
    const double total = static_cast<double>(counted * static_cast<int64_t>(sizes.size()));
    if (total > 0) {
        result.model = modelHits / total;
        result.positionOnly = positionHits / total;
        result.cropMajority = cropHits / total;
    }
    return result;
}

}  // namespace logonet::training
