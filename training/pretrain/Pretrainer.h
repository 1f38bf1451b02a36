#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "finetune/MixedPrecision.h"
#include "heads/PretrainHead.h"
#include "masking/SliceMasker.h"
#include "network/Network.h"
#include "pretrain/PretrainLoss.h"
#include "schedule/WarmupCosineSchedule.h"

namespace logonet::training {

struct PretrainerOptions {
    std::vector<int64_t> clusterSizes;  // K_i of each clusterer
    double tau = 0.1;
    bool mask = true;  // false: the --no-mask ablation (every slice counts, nothing hidden)
    SliceMaskingOptions masking;
    double learningRate = 1e-4;
    double weightDecay = 1e-5;
    int64_t warmupSteps = 10;
    int64_t totalSteps = 100;
    uint64_t seed = 0;
    bool amp = false;  // autocast (bfloat16 on the CPU, float16 + loss scaling on CUDA)
};

// One pre-training model (the network plus the pre-training head) and its optimiser: masks a
// batch, predicts every slice's pseudo-labels and steps on the loss of the masked slices.
// The network gets the crops in fine-tuning's (B, C, Z, Y, X) layout; its output is turned back
// to (X, Y, Z) with the slicing axis moved last, so the head always sees (B, out, ., ., S).
// The seed of everything random in step `step` of a run seeded with `seed`: step 0 keeps the
// seed itself (the workstation's masked-sequence view for that seed shows step 0's masks).
uint64_t stepSeed(uint64_t seed, int64_t step);

class Pretrainer {
  public:
    Pretrainer(model::Network network, PretrainerOptions options);

    // crops (B, 1, X, Y, Z) (unmasked), labels (B, S, N) int64 for the S slices along the
    // masking axis. Returns the loss before the step. The masks are a function of the seed and
    // the step index alone (stepSeed()), so a resumed run masks as an uninterrupted one.
    double step(const torch::Tensor& crops, const torch::Tensor& labels, int64_t stepIndex);
    // The masks step `stepIndex` applies to `crops` (with --no-mask: none, every slice counts).
    MaskedCrops maskFor(const torch::Tensor& crops, int64_t stepIndex) const;
    // The predicted cluster of every slice for every clusterer, (B, S, N) int64 on the CPU, each
    // among its clusterer's K_i; no step, evaluation mode.
    torch::Tensor predict(const MaskedCrops& masked);
    // Loss without a step, for a fixed mask (evaluation, tests).
    double loss(const torch::Tensor& crops, const torch::Tensor& labels, const MaskedCrops& masked);

    // The network's weights alone, in the checkpoint format fine-tuning's `--init` reads:
    // every branch tensor and none of the pre-training head.
    void saveNetwork(const std::string& path, int64_t step);
    // The whole pre-training state (network, pre-training head, optimiser) and the step it was
    // taken after, for --resume: one file, so one checkpoint is one atomic unit (a kill can never
    // pair the state of one step with the step number of another). loadState returns the stored
    // step; empty for files written before the step was stored.
    void saveState(const std::string& path, std::optional<int64_t> step = std::nullopt);
    std::optional<int64_t> loadState(const std::string& path);

    model::Network network() const { return network_; }
    model::PretrainHead head() const { return head_; }
    torch::optim::AdamW& optimizer() { return *optimizer_; }
    const PretrainerOptions& options() const { return options_; }
    // The learning rate the schedule gives step `stepIndex` (from 0).
    double learningRateAt(int64_t stepIndex) const { return schedule_.at(stepIndex); }

  private:
    torch::Tensor forward(const torch::Tensor& input);

    model::Network network_;
    model::PretrainHead head_{nullptr};
    PretrainerOptions options_;
    PretrainLoss loss_;
    WarmupCosineSchedule schedule_;
    std::unique_ptr<torch::optim::AdamW> optimizer_;
    std::unique_ptr<MixedPrecision> precision_;
};

}  // namespace logonet::training
