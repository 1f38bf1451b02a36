#pragma once

#include <torch/torch.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "finetune/FineTuner.h"
#include "network/Network.h"

namespace c10d {
class TCPStore;
}

namespace logonet::training {

// Where this process sits in a data-parallel job, from the variables torchrun and Slurm
// scripts set: RANK, WORLD_SIZE, MASTER_ADDR, MASTER_PORT (LOCAL_RANK picks the GPU).
struct DistributedEnvironment {
    int rank = 0;
    int worldSize = 1;
    int localRank = 0;
    std::string masterAddress = "127.0.0.1";
    int masterPort = 29500;

    // Nothing when WORLD_SIZE is unset or 1; std::invalid_argument for malformed values.
    static std::optional<DistributedEnvironment> fromEnvironment();
};

// Gradient averaging across processes through c10d's TCPStore (rank 0 hosts it). Debian's
// LibTorch ships ProcessGroupGloo.hpp, but that header needs the Gloo headers, which Debian does
// not package (only libgloo0's shared object), so the collective is done on the store: each rank
// publishes its flattened gradients under a per-round key and sums everyone's. Exact and simple;
// its traffic grows with the world size, so it suits CPU jobs of a few ranks, not many GPUs.
class StoreAllReduce {
  public:
    explicit StoreAllReduce(const DistributedEnvironment& environment,
                            std::chrono::milliseconds timeout = std::chrono::minutes(10));
    ~StoreAllReduce();

    int rank() const { return rank_; }
    int worldSize() const { return worldSize_; }

    // Replaces every rank's gradients by their mean over the ranks.
    void averageGradients(model::NetworkImpl& network);
    // Copies rank 0's parameters and buffers to every rank.
    void broadcastState(model::NetworkImpl& network);
    // The context FineTuner needs.
    ParallelContext context();

  private:
    torch::Tensor exchangeSum(const torch::Tensor& flat);

    int rank_;
    int worldSize_;
    int64_t round_ = 0;
    std::shared_ptr<c10d::TCPStore> store_;
};

}  // namespace logonet::training
