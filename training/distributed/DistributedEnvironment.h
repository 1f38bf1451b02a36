#pragma once

#include <optional>
#include <string>

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

    // "rank 1 of 2": how messages name this process.
    std::string describe() const;
    // "MASTER_ADDR:MASTER_PORT" as given.
    std::string masterEndpoint() const;
};

}  // namespace logonet::training
