#pragma once

#include <torch/torch.h>

#include <string>
#include <vector>

namespace logonet::model {

struct GpuDescription {
    int index = 0;
    std::string name;
    double memoryTotalMiB = 0.0;
    double memoryFreeMiB = -1.0;  // negative when the driver would not say
    int computeMajor = 0;
    int computeMinor = 0;
};

// What this build of the engine and this machine offer: the questions a user asks before
// sending a run to a GPU server (and `logonet remote check` asks for them).
struct ComputeDeviceReport {
    std::string torchVersion;
    bool cudaCompiled = false;          // LibTorch and the engine were built with CUDA
    std::string cudaVersion;            // CUDA runtime LibTorch was built with, "" without CUDA
    std::string cudnnVersion;           // "" without cuDNN
    bool depthwiseCudaKernels = false;  // the project's own CUDA kernels are in this build
    std::string cpuCapability;          // the vector instruction set LibTorch dispatches to
    bool cpuBfloat16 = false;           // bfloat16 autocast runs on native instructions here
    int cpuThreads = 0;
    std::vector<GpuDescription> gpus;  // empty without a GPU or a driver
};

ComputeDeviceReport describeComputeDevices();

// Whether this CPU runs bfloat16 arithmetic natively (AVX-512 BF16 or AMX); without it CPU
// autocast still works but is slower than float32.
bool cpuHasBfloat16();

// "cpu" or "cuda" (the GPU `gpuIndex`, e.g. LOCAL_RANK). Refuses "cuda" with a message that
// says which is missing: CUDA in this build, or a GPU on this machine.
torch::Device resolveComputeDevice(const std::string& name, int gpuIndex = 0);

}  // namespace logonet::model
