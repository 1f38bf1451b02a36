#include "distributed/DistributedEnvironment.h"

#include <cstdlib>
#include <initializer_list>
#include <stdexcept>

namespace logonet::training {

namespace {

// The first of the variables that is set, as a whole number; `fallback` when none is.
int environmentInt(std::initializer_list<const char*> names, int fallback) {
    for (const char* name : names) {
        const char* value = std::getenv(name);
        if (value == nullptr || *value == '\0') {
            continue;
        }
        char* end = nullptr;
        const long parsed = std::strtol(value, &end, 10);
        if (*end != '\0' || parsed < 0) {
            throw std::invalid_argument(std::string(name) + "='" + value +
                                        "' is not a whole number");
        }
        return static_cast<int>(parsed);
    }
    return fallback;
}

}  // namespace

std::optional<DistributedEnvironment> DistributedEnvironment::fromEnvironment() {
    DistributedEnvironment e;
    e.worldSize = environmentInt({"WORLD_SIZE", "SLURM_NTASKS"}, 1);
    if (e.worldSize <= 1) {
        return std::nullopt;
    }
    e.rank = environmentInt({"RANK", "SLURM_PROCID"}, 0);
    e.localRank = environmentInt({"LOCAL_RANK", "SLURM_LOCALID"}, 0);
    e.masterPort = environmentInt({"MASTER_PORT"}, 29500);
    if (e.masterPort < 1 || e.masterPort > 65535) {
        throw std::invalid_argument("MASTER_PORT=" + std::to_string(e.masterPort) +
                                    " is not a TCP port");
    }
    if (const char* address = std::getenv("MASTER_ADDR"); address != nullptr && *address != '\0') {
        e.masterAddress = address;
    }
    if (e.rank >= e.worldSize) {
        throw std::invalid_argument("RANK " + std::to_string(e.rank) + " is not below WORLD_SIZE " +
                                    std::to_string(e.worldSize));
    }
    return e;
}

std::string DistributedEnvironment::describe() const {
    return "rank " + std::to_string(rank) + " of " + std::to_string(worldSize);
}

std::string DistributedEnvironment::masterEndpoint() const {
    return masterAddress + ":" + std::to_string(masterPort);
}

}  // namespace logonet::training
