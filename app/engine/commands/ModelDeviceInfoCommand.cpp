#include "commands/ModelDeviceInfoCommand.h"

#include <cstdio>
#include <iostream>
#include <thread>

#include "json/Json.h"
#include "network/ComputeDevice.h"

namespace logonet::cli {

namespace {

Json deviceInfo(const model::ComputeDeviceReport& report) {
    Json info = Json::object();
    info["version"] = LOGONET_VERSION;
    info["torch_version"] = report.torchVersion;
    info["cuda_compiled"] = report.cudaCompiled;
    info["cuda_version"] = report.cudaVersion.empty() ? Json() : Json(report.cudaVersion);
    info["cudnn_version"] = report.cudnnVersion.empty() ? Json() : Json(report.cudnnVersion);
    info["depthwise_cuda_kernels"] = report.depthwiseCudaKernels;
    info["cpu_cores"] = Json(static_cast<int64_t>(std::thread::hardware_concurrency()));
    info["cpu_threads"] = Json(static_cast<int64_t>(report.cpuThreads));
    info["cpu_capability"] = report.cpuCapability;
    info["cpu_bf16"] = report.cpuBfloat16;
    // `torch` and `cuda` (a GPU is usable) are what engines before LibTorch 2 reported; remote
    // hosts running an older engine are still read by these names.
    info["torch"] = report.torchVersion;
    info["cuda"] = !report.gpus.empty();
    Json devices = Json::array();
    for (const auto& gpu : report.gpus) {
        Json device = Json::object();
        device["index"] = Json(static_cast<int64_t>(gpu.index));
        device["name"] = gpu.name;
        device["compute_capability"] =
            std::to_string(gpu.computeMajor) + "." + std::to_string(gpu.computeMinor);
        device["memory_total_mb"] = gpu.memoryTotalMiB;
        if (gpu.memoryFreeMiB >= 0.0) {
            device["memory_free_mb"] = gpu.memoryFreeMiB;
        }
        devices.push_back(device);
    }
    info["devices"] = devices;
    return info;
}

int runDeviceInfo(const CommandLine& line) {
    line.rejectUnknown({"json"});
    const model::ComputeDeviceReport report = model::describeComputeDevices();
    if (line.flag("json")) {
        std::cout << deviceInfo(report).dump() << "\n";
        return 0;
    }
    std::printf("logonet %s (LibTorch %s), %u CPU cores, %s%s\n", LOGONET_VERSION,
                report.torchVersion.c_str(), std::thread::hardware_concurrency(),
                report.cpuCapability.c_str(), report.cpuBfloat16 ? " with bfloat16" : "");
    if (!report.cudaCompiled) {
        std::printf("CUDA: not in this build (LibTorch for the CPU only)\n");
        return 0;
    }
    std::printf("CUDA %s, cuDNN %s, project's depthwise kernels: %s\n", report.cudaVersion.c_str(),
                report.cudnnVersion.empty() ? "none" : report.cudnnVersion.c_str(),
                report.depthwiseCudaKernels ? "yes" : "no");
    if (report.gpus.empty()) {
        std::printf("GPUs: none visible on this machine\n");
    }
    for (const auto& gpu : report.gpus) {
        std::printf("GPU %d: %s (compute %d.%d), %.0f MiB\n", gpu.index, gpu.name.c_str(),
                    gpu.computeMajor, gpu.computeMinor, gpu.memoryTotalMiB);
    }
    return 0;
}

}  // namespace

Command deviceInfoCommand() {
    Command command;
    command.name = "device-info";
    command.summary = "the engine's build (LibTorch, CUDA, cuDNN) and the CPU and GPUs it sees";
    command.usage =
        "usage: logonet device-info [--json]\n"
        "Prints the engine's version, LibTorch's version, whether CUDA was compiled in (with the\n"
        "CUDA and cuDNN versions and the project's depthwise kernels), the CPU and each visible\n"
        "GPU. With --json: one JSON object with version, torch_version, cuda_compiled,\n"
        "cuda_version, cudnn_version (null without), depthwise_cuda_kernels, cpu_cores,\n"
        "cpu_threads, cpu_capability, cpu_bf16 and devices [{index, name, compute_capability,\n"
        "memory_total_mb, memory_free_mb}] (empty without a GPU).\n"
        "`logonet remote check` runs this on a remote host.";
    command.flags = {"json"};
    command.run = runDeviceInfo;
    return command;
}

}  // namespace logonet::cli
