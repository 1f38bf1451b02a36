#pragma once

#include <torch/torch.h>
#include <torch/csrc/distributed/c10d/ProcessGroup.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "distributed/DistributedEnvironment.h"
#include "distributed/GradientBucketReducer.h"
#include "finetune/ParallelContext.h"

namespace logonet::training {

struct DataParallelOptions {
    // Bounds the rendezvous and every exchange: a rank that does not answer within it (it died,
    // hangs, or validates for longer) fails the others with a message instead of hanging them.
    std::chrono::milliseconds timeout = std::chrono::minutes(30);
    GradientBucketOptions buckets;
};

// Data-parallel training on a c10d process group (Gloo on the CPU, NCCL on GPUs), the way
// PyTorch's DistributedDataParallel does it: rank 0's initial state broadcast to all, gradients
// averaged in buckets during the backward pass (GradientBucketReducer), rank 0's buffers
// broadcast again before each step's first forward pass (DDP's broadcast_buffers), and the
// step's loss terms and stop request averaged in one small all-reduce per step. A failed
// exchange throws a std::runtime_error that says which rank this is, what was being exchanged
// and what to check.
class DataParallelContext final : public ParallelContext {
  public:
    // Joins the job (see joinProcessGroup). `deviceName`: "cpu" or "cuda" (GPU LOCAL_RANK).
    DataParallelContext(const DistributedEnvironment& environment, const std::string& deviceName,
                        DataParallelOptions options = {});
    ~DataParallelContext() override;
    DataParallelContext(const DataParallelContext&) = delete;
    DataParallelContext& operator=(const DataParallelContext&) = delete;

    int rank() const override { return environment_.rank; }
    int worldSize() const override { return environment_.worldSize; }
    int localRank() const override { return environment_.localRank; }

    std::vector<int64_t> synchronizeState(model::NetworkImpl& network, int64_t startStep) override;
    void beginMicroBatch(bool lastOfStep) override;
    void backward(const torch::Tensor& loss) override;
    void averageStatistics(std::vector<double>& statistics) override;
    void broadcastBuffers() override;

    // After the last step: returns once every rank has got there, so that no rank tears down
    // its connections (rank 0: the store) while another still exchanges.
    void finish();

    // The step this process started from, and the optimiser steps it ran (not counting those
    // of the run it resumed).
    int64_t startStep() const { return startStep_; }
    int64_t stepsRun() const { return stepsRun_; }
    // The reducer's current number of gradient buckets (0 before synchronizeState).
    size_t bucketCount() const;

  private:
    [[noreturn]] void fail(const std::string& exchange, const std::exception& error) const;

    DistributedEnvironment environment_;
    torch::Device device_;
    DataParallelOptions options_;
    c10::intrusive_ptr<c10d::ProcessGroup> group_;
    std::unique_ptr<GradientBucketReducer> reducer_;
    // The network's own buffer tensors (not copies), each once.
    std::vector<torch::Tensor> buffers_;
    // A step's gradients were averaged since the buffers were last broadcast.
    bool buffersStale_ = false;
    bool finished_ = false;
    int64_t startStep_ = 0;
    int64_t stepsRun_ = 0;
};

}  // namespace logonet::training
