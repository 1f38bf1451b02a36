#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <vector>

#include "network/Network.h"

namespace logonet::training {

// How this process takes part in data-parallel training (distributed/DataParallelContext is the
// one the engine uses): each rank trains on its own share of every step's samples, and the
// backward pass of a step's last micro-batch leaves the gradients averaged over the ranks, so
// that every rank's optimiser takes the same step. Only rank 0 writes the run folder.
class ParallelContext {
  public:
    virtual ~ParallelContext() = default;

    virtual int rank() const = 0;
    virtual int worldSize() const = 0;
    // Picks the GPU on a machine with several.
    virtual int localRank() const = 0;

    // Called once, before the first step, with the network on its device: every rank continues
    // from rank 0's weights and buffers. Returns every rank's `startStep`, so that ranks resuming
    // from different points are caught.
    virtual std::vector<int64_t> synchronizeState(model::NetworkImpl& network,
                                                  int64_t startStep) = 0;
    // Before the forward pass of every micro-batch; `lastOfStep` marks the one whose backward
    // pass averages the step's accumulated gradients. Before a step's first forward pass, every
    // rank takes rank 0's buffers (BatchNorm's running statistics), which each rank's own
    // forward passes would otherwise let drift apart.
    virtual void beginMicroBatch(bool lastOfStep) = 0;
    // Runs the backward pass from `loss` (the averaging happens inside it).
    virtual void backward(const torch::Tensor& loss) = 0;
    // After the step's backward passes: replaces `statistics` (the same count on every rank:
    // loss terms, stop request) by their mean over the ranks.
    virtual void averageStatistics(std::vector<double>& statistics) = 0;
    // After the last step: every rank takes rank 0's buffers, which the last forward pass
    // updated on each rank from its own micro-batch, so that all ranks end with one state.
    virtual void broadcastBuffers() = 0;
};

}  // namespace logonet::training
