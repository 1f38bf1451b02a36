#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <vector>

#include "json/Json.h"
#include "pretrain/Pretrainer.h"

namespace logonet::training {

// How well a pre-training learned its pretext task, on masked slices of scans it never trained
// on, next to what needs no learning: chance (1 / K_i), a position-only predictor (the label
// most frequent at that slice position in the training scans) and a crop-majority predictor (the
// label most frequent among the crop's unmasked slices). A network that does not beat the
// position-only predictor has learned where a slice is, not what it shows; one that does not beat
// the crop-majority predictor has learned which crop it sees, not which slice.
struct PretextAccuracy {
    int64_t scans = 0;   // held-out scans
    int64_t slices = 0;  // masked slices counted (per clusterer)
    double model = 0.0;
    double chance = 0.0;
    double positionOnly = 0.0;
    double cropMajority = 0.0;

    bool beatsPositionOnly() const { return model > positionOnly; }
    bool beatsCropMajority() const { return model > cropMajority; }
    Json toJson() const;
};

// crops: the held-out scans' (1, X, Y, Z) crops with their (S, N) labels; trainingLabels: the
// (S, N) labels of the scans the network trained on. Masks are drawn from `seed` (a step index
// no training step uses), so the figure is the same whenever it is measured.
PretextAccuracy measurePretextAccuracy(Pretrainer& pretrainer,
                                       const std::vector<torch::Tensor>& crops,
                                       const std::vector<torch::Tensor>& labels,
                                       const std::vector<torch::Tensor>& trainingLabels,
                                       int64_t maskStep);

}  // namespace logonet::training
