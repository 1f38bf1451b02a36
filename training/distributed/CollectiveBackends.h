#pragma once

#include <torch/csrc/distributed/c10d/Backend.hpp>
#include <torch/csrc/distributed/c10d/Store.hpp>

#include <chrono>
#include <string>

namespace logonet::training {

// The two c10d backends of data-parallel training. Each is made in a translation unit of its
// own (GlooBackend.cpp, NcclBackend.cpp) because their headers need USE_C10D_GLOO or
// USE_C10D_NCCL and Gloo's or NCCL's own headers, which nothing else should see.

// Gloo over TCP, for CPU tensors. It listens on the address this host uses to reach
// `masterAddress` (or on GLOO_SOCKET_IFNAME's interface where that is set), so that ranks on
// other machines can connect without further settings.
c10::intrusive_ptr<c10d::Backend> createGlooBackend(const c10::intrusive_ptr<c10d::Store>& store,
                                                    int rank, int size,
                                                    const std::string& masterAddress,
                                                    std::chrono::milliseconds timeout);

// NCCL, for tensors on the GPU `deviceIndex`. Throws where LibTorch was built without CUDA.
c10::intrusive_ptr<c10d::Backend> createNcclBackend(const c10::intrusive_ptr<c10d::Store>& store,
                                                    int rank, int size, int deviceIndex,
                                                    std::chrono::milliseconds timeout);

}  // namespace logonet::training
