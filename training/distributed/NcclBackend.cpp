// Compiled with USE_C10D_NCCL and NCCL's headers where LibTorch has CUDA (training/CMakeLists.txt
// defines LOGONET_NCCL then), so that every CUDA build compiles and links the NCCL path even on
// machines without a GPU.
#ifdef LOGONET_NCCL
#include <c10/cuda/CUDAFunctions.h>
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#endif

#include <stdexcept>

#include "distributed/CollectiveBackends.h"

namespace logonet::training {

c10::intrusive_ptr<c10d::Backend> createNcclBackend(
    [[maybe_unused]] const c10::intrusive_ptr<c10d::Store>& store, [[maybe_unused]] int rank,
    [[maybe_unused]] int size, [[maybe_unused]] int deviceIndex,
    [[maybe_unused]] std::chrono::milliseconds timeout) {
#ifdef LOGONET_NCCL
    // NCCL makes its communicator on first use, on the current device: make it this rank's GPU.
    c10::cuda::set_device(static_cast<c10::DeviceIndex>(deviceIndex));
    auto options = c10d::ProcessGroupNCCL::Options::create();
    options->timeout = timeout;
    return c10::make_intrusive<c10d::ProcessGroupNCCL>(store, rank, size, options);
#else
    throw std::runtime_error(
        "data-parallel training on GPUs needs NCCL, which this build of logonet does not have "
        "(its LibTorch was built for the CPU only)");
#endif
}

}  // namespace logonet::training
