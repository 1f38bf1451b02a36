#pragma once

#include <torch/torch.h>
#include <torch/csrc/distributed/c10d/ProcessGroup.hpp>

#include <chrono>

#include "distributed/DistributedEnvironment.h"

namespace logonet::training {

// Joins the data-parallel job `environment` describes, as torch.distributed's
// init_process_group does: a rendezvous through a c10d::TCPStore at MASTER_ADDR:MASTER_PORT
// (rank 0 hosts it and waits for all WORLD_SIZE ranks), then a process group whose backend is
// Gloo for a CPU `device` or NCCL for a GPU. `timeout` bounds the rendezvous and, later, every
// collective: a rank that does not answer within it fails the others instead of hanging them.
// Throws std::runtime_error naming MASTER_ADDR:MASTER_PORT when the rendezvous fails.
c10::intrusive_ptr<c10d::ProcessGroup> joinProcessGroup(const DistributedEnvironment& environment,
                                                        const torch::Device& device,
                                                        std::chrono::milliseconds timeout);

}  // namespace logonet::training
