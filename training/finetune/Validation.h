#pragma once

#include <torch/torch.h>

#include <string>
#include <vector>

#include "cache/CaseCache.h"
#include "finetune/FineTuneConfig.h"
#include "json/Json.h"
#include "network/Network.h"

namespace logonet::training {

struct ValidationScores {
    Json perClass = Json::object();  // class name -> mean Dice over the cases that have it
    double meanDice = 0.0;           // over the classes present in any case
};

// Sliding-window segmentation of every validation case with the run's crop and overlap, scored
// with per-class Dice; the cases are read from `cache` one at a time. The network is back in its
// previous mode afterwards.
ValidationScores validate(const model::Network& network, const CaseCache& cache,
                          const std::vector<std::string>& ids, const FineTuneConfig& config,
                          const torch::Device& device);

}  // namespace logonet::training
