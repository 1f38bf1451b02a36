#pragma once

#include <torch/torch.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "json/Json.h"
#include "network/Network.h"

namespace logonet::training {

// What a checkpoint says about itself (stored as JSON inside the file).
struct CheckpointInfo {
    std::string architecture;
    model::NetworkOptions networkOptions;
    int64_t step = 0;             // optimiser steps done
    Json extra = Json::object();  // the run's bookkeeping (best score, classes, ...)
};

// What partial loading did: weights copied, weights of the file the network has no place for
// (or of another shape), and network weights the file did not have (left as initialised).
struct PartialLoadReport {
    std::vector<std::string> loaded;
    std::vector<std::string> skipped;
    std::vector<std::string> missing;
    // Weights the file had, of the right shape, that the selection left as initialised.
    std::vector<std::string> excluded;
    std::string summary() const;  // "loaded 120, skipped 4, new 2" (", excluded 60" if any)
};

// Which of the file's tensors, by dotted name, partial loading may take.
using WeightSelection = std::function<bool(const std::string& name)>;

// Saves weights (parameters and buffers), optionally the optimiser, and the info into `path`
// through a temporary file and a rename: the previous file survives a crash or a full disk.
void saveCheckpoint(const std::string& path, model::NetworkImpl& network,
                    torch::optim::Optimizer* optimizer, const CheckpointInfo& info);

// Reads only the info. Throws std::runtime_error naming the file when it is missing, corrupted
// or not a LoGoNet checkpoint.
CheckpointInfo readCheckpointInfo(const std::string& path);

// Loads every weight into the network (and the optimiser state when given and present). Throws
// std::runtime_error naming the file for another architecture, a shape mismatch or corruption.
CheckpointInfo loadCheckpoint(const std::string& path, model::NetworkImpl& network,
                              torch::optim::Optimizer* optimizer);

// Copies the weights whose name and shape match (and that `select` accepts, when given);
// everything else is reported, not fatal (initialising fine-tuning from pre-training, or from a
// run with other classes).
PartialLoadReport loadWeightsPartially(const std::string& path, model::NetworkImpl& network,
                                       const WeightSelection& select = nullptr);

}  // namespace logonet::training
