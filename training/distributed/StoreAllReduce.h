#pragma once

#include <torch/torch.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "finetune/FineTuner.h"
#include "network/Network.h"

namespace c10d {
class TCPStore;
}

namespace logonet::training {

// Where this process sits in a data-parallel job, from the variables torchrun sets (RANK,
// WORLD_SIZE, LOCAL_RANK, MASTER_ADDR, MASTER_PORT) or, where those are unset, the ones srun
// sets (SLURM_PROCID, SLURM_NTASKS, SLURM_LOCALID).
struct DistributedEnvironment {
    int rank = 0;
    int worldSize = 1;
    int localRank = 0;
    std::string masterAddress = "127.0.0.1";
    int masterPort = 29500;

    // Nothing when the world size is unset or 1; std::invalid_argument for malformed values.
    static std::optional<DistributedEnvironment> fromEnvironment();
};

// Gradient averaging across processes through c10d's TCPStore (rank 0 hosts it). Debian's
// LibTorch ships ProcessGroupGloo.hpp, but that header needs the Gloo headers, which Debian does
// not package (only libgloo0's shared object), so the collective is done on the store: each rank
// publishes all its gradients as one flattened buffer under a per-round key and sums everyone's.
// Exact and simple; its traffic grows with the world size, so it suits jobs of a few ranks.
// A rank that does not deliver within `timeout` (it died, or hangs) makes the others throw a
// message that names it, instead of waiting forever.
class StoreAllReduce {
  public:
    explicit StoreAllReduce(const DistributedEnvironment& environment,
                            std::chrono::milliseconds timeout = std::chrono::minutes(30));
    ~StoreAllReduce();
    StoreAllReduce(const StoreAllReduce&) = delete;
    StoreAllReduce& operator=(const StoreAllReduce&) = delete;

    int rank() const { return rank_; }
    int worldSize() const { return worldSize_; }

    // Replaces every rank's gradients by their mean over the ranks; `statistics` (the same
    // count on every rank) are averaged in the same exchange.
    void averageGradients(model::NetworkImpl& network, std::vector<double>& statistics);
    // Copies rank 0's parameters and buffers to every rank; returns every rank's `step`.
    std::vector<int64_t> broadcastState(model::NetworkImpl& network, int64_t step);
    // The context FineTuner needs.
    ParallelContext context();

  private:
    torch::Tensor exchangeSum(const torch::Tensor& flat);
    [[noreturn]] void fail(int missingRank, const std::exception& error);

    int rank_;
    int worldSize_;
    int localRank_;
    std::chrono::milliseconds timeout_;
    int64_t round_ = 0;
    bool failed_ = false;
    std::shared_ptr<c10d::TCPStore> store_;
};

}  // namespace logonet::training
