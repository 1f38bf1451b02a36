#include "network/ComputeDevice.h"

#include <ATen/Context.h>
#include <ATen/Version.h>
#include <ATen/cpu/Utils.h>
#include <torch/cuda.h>
#include <torch/version.h>

#include <stdexcept>

#include "depthwise/DepthwiseConvCuda.h"

#ifdef LOGONET_TORCH_CUDA
#include <ATen/cuda/CUDAContext.h>
#include <c10/cuda/CUDAGuard.h>
#endif

namespace logonet::model {

namespace {

// CUDA encodes versions as major * 1000 + minor * 10 (13020 is 13.2); cuDNN 9 as
// major * 10000 + minor * 100 + patch (92600 is 9.26.0).
std::string cudaVersionText(long encoded) {
    return std::to_string(encoded / 1000) + "." + std::to_string((encoded % 1000) / 10);
}

std::string cudnnVersionText(long encoded) {
    return std::to_string(encoded / 10000) + "." + std::to_string((encoded % 10000) / 100) + "." +
           std::to_string(encoded % 100);
}

bool capabilityFlag(const std::unordered_map<std::string, c10::IValue>& capabilities,
                    const std::string& name) {
    const auto found = capabilities.find(name);
    return found != capabilities.end() && found->second.isBool() && found->second.toBool();
}

std::vector<GpuDescription> visibleGpus() {
    std::vector<GpuDescription> gpus;
#ifdef LOGONET_TORCH_CUDA
    if (!torch::cuda::is_available()) {
        return gpus;
    }
    const auto count = static_cast<int>(torch::cuda::device_count());
    for (int d = 0; d < count; ++d) {
        GpuDescription gpu;
        gpu.index = d;
        const cudaDeviceProp* properties = at::cuda::getDeviceProperties(d);
        gpu.name = properties->name;
        gpu.memoryTotalMiB = static_cast<double>(properties->totalGlobalMem) / (1024.0 * 1024.0);
        gpu.computeMajor = properties->major;
        gpu.computeMinor = properties->minor;
        const c10::cuda::CUDAGuard guard(static_cast<c10::DeviceIndex>(d));
        size_t freeBytes = 0;
        size_t totalBytes = 0;
        if (cudaMemGetInfo(&freeBytes, &totalBytes) == cudaSuccess) {
            gpu.memoryFreeMiB = static_cast<double>(freeBytes) / (1024.0 * 1024.0);
        }
        gpus.push_back(gpu);
    }
#endif
    return gpus;
}

}  // namespace

bool cpuHasBfloat16() {
    const auto capabilities = at::cpu::get_cpu_capabilities();
    return capabilityFlag(capabilities, "avx512_bf16") || capabilityFlag(capabilities, "amx_bf16");
}

ComputeDeviceReport describeComputeDevices() {
    ComputeDeviceReport report;
    report.torchVersion = TORCH_VERSION;
#ifdef LOGONET_TORCH_CUDA
    report.cudaCompiled = true;
    report.cudaVersion = cudaVersionText(at::detail::getCUDAHooks().versionCUDART());
    if (at::detail::getCUDAHooks().compiledWithCuDNN()) {
        report.cudnnVersion = cudnnVersionText(at::detail::getCUDAHooks().versionCuDNN());
    }
#endif
    report.depthwiseCudaKernels = depthwiseConvCudaCompiled();
    report.cpuBfloat16 = cpuHasBfloat16();
    report.cpuCapability = at::get_cpu_capability();
    report.cpuThreads = at::get_num_threads();
    report.gpus = visibleGpus();
    return report;
}

torch::Device resolveComputeDevice(const std::string& name, int gpuIndex) {
    if (name == "cpu") {
        return torch::kCPU;
    }
    if (name != "cuda") {
        throw std::invalid_argument("unknown device '" + name + "' (cpu or cuda)");
    }
#ifndef LOGONET_TORCH_CUDA
    throw std::runtime_error(
        "--device cuda: this build of logonet has no CUDA (its LibTorch was built for the CPU "
        "only); rebuild against PyTorch's CUDA wheel (scripts/install-deps.sh) or use --device "
        "cpu");
#else
    if (!torch::cuda::is_available()) {
        throw std::runtime_error(
            "--device cuda: this build has CUDA " +
            cudaVersionText(at::detail::getCUDAHooks().versionCUDART()) +
            ", but this machine shows no GPU (no NVIDIA driver, or CUDA_VISIBLE_DEVICES hides "
            "them); use --device cpu");
    }
    const auto gpus = static_cast<int>(torch::cuda::device_count());
    if (gpuIndex < 0 || gpuIndex >= gpus) {
        throw std::runtime_error("GPU " + std::to_string(gpuIndex) + " asked for, but only " +
                                 std::to_string(gpus) +
                                 " visible: start one rank per GPU on each machine");
    }
    return torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(gpuIndex));
#endif
}

}  // namespace logonet::model
