#include "commands/ModelDeviceInfoCommand.h"

#include <cstdio>
#include <iostream>
#include <thread>

#include <torch/cuda.h>
#include <torch/version.h>

#include "json/Json.h"

#ifdef LOGONET_TORCH_CUDA
#include <ATen/cuda/CUDAContext.h>
#include <c10/cuda/CUDAGuard.h>
#endif

namespace logonet::cli {

namespace {

Json deviceInfo() {
    Json info = Json::object();
    info["version"] = LOGONET_VERSION;
    info["torch"] = TORCH_VERSION;
    info["cpu_cores"] = Json(static_cast<int64_t>(std::thread::hardware_concurrency()));
    const bool cuda = torch::cuda::is_available();
    info["cuda"] = cuda;
    Json devices = Json::array();
    if (cuda) {
        const int64_t count = static_cast<int64_t>(torch::cuda::device_count());
        for (int64_t d = 0; d < count; ++d) {
            Json device = Json::object();
            device["index"] = Json(d);
#ifdef LOGONET_TORCH_CUDA
            const cudaDeviceProp* properties = at::cuda::getDeviceProperties(d);
            device["name"] = std::string(properties->name);
            device["memory_total_mb"] =
                static_cast<double>(properties->totalGlobalMem) / (1024.0 * 1024.0);
            c10::cuda::CUDAGuard guard(static_cast<c10::DeviceIndex>(d));
            size_t freeBytes = 0;
            size_t totalBytes = 0;
            if (cudaMemGetInfo(&freeBytes, &totalBytes) == cudaSuccess) {
                device["memory_free_mb"] = static_cast<double>(freeBytes) / (1024.0 * 1024.0);
            }
#endif
            devices.push_back(device);
        }
    }
    info["devices"] = devices;
    return info;
}

int runDeviceInfo(const CommandLine& line) {
    line.rejectUnknown({"json"});
    const Json info = deviceInfo();
    if (line.flag("json")) {
        std::cout << info.dump() << "\n";
        return 0;
    }
    std::printf("logonet %s (LibTorch %s), %lld CPU cores\n", LOGONET_VERSION, TORCH_VERSION,
                static_cast<long long>(info.at("cpu_cores").asInt()));
    if (!info.at("cuda").asBool()) {
        std::printf("CUDA: not available to this build of LibTorch on this machine\n");
        return 0;
    }
    for (const auto& device : info.at("devices").asArray()) {
        std::printf(
            "CUDA device %lld: %s, %.0f MiB\n", static_cast<long long>(device.at("index").asInt()),
            device.value("name", "(name unknown)").c_str(), device.value("memory_total_mb", 0.0));
    }
    return 0;
}

}  // namespace

Command deviceInfoCommand() {
    Command command;
    command.name = "device-info";
    command.summary = "the engine's version and the CPU and CUDA devices it sees";
    command.usage =
        "usage: logonet device-info [--json]\n"
        "Prints the engine's version, LibTorch's version, the CPU cores and, where LibTorch has\n"
        "CUDA, each GPU's name and memory (MiB). With --json: one JSON object with version,\n"
        "torch, cpu_cores, cuda and devices [{index, name, memory_total_mb, memory_free_mb}].\n"
        "`logonet remote check` runs this on a remote host.";
    command.flags = {"json"};
    command.run = runDeviceInfo;
    return command;
}

}  // namespace logonet::cli
