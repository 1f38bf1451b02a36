#include <cstdio>
#include <iostream>
#include <sstream>

#include "analysis/NetworkCost.h"
#include "commands/Commands.h"
#include "commands/ModelBenchCommand.h"
#include "commands/ModelDepthwiseBenchCommand.h"
#include "commands/ModelDeviceInfoCommand.h"
#include "json/Json.h"
#include "registry/ModelRegistry.h"
#include "run/TorchErrorLine.h"

namespace logonet::cli {
namespace {

std::string grouped(int64_t value) {
    std::string digits = std::to_string(value < 0 ? -value : value);
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) {
        digits.insert(static_cast<size_t>(i), ",");
    }
    return (value < 0 ? "-" : "") + digits;
}

std::string roiText(const std::vector<int64_t>& roi) {
    std::string text;
    for (size_t i = 0; i < roi.size(); ++i) {
        text += (i ? "x" : "") + std::to_string(roi[i]);
    }
    return text;
}

int runModelInfo(const CommandLine& line) {
    line.rejectUnknown({"arch", "in", "out", "roi", "json", "no-memory", "threads"});
    const std::string architecture = line.required("arch");
    model::NetworkOptions options;
    options.inChannels = line.integer("in", 1);
    options.outChannels = line.integer("out", 14);
    options.roi = line.integers("roi", {96, 96, 96}, 3);
    at::set_num_threads(static_cast<int>(line.integer("threads", 2)));
    torch::manual_seed(0);
    const model::Network network = model::createNetwork(architecture, options);

    const int64_t parameters = model::countParameters(*network);
    const auto parts = model::parameterParts(*network);
    const int64_t macs = model::measureConvolutionMacs(*network, options.roi);
    const bool measureMemory = !line.flag("no-memory");
    int64_t memory = -1;
    // Why a training step cannot run at all with this crop: at batch 1 a crop whose deepest map
    // is one voxel leaves BatchNorm one value per channel, which it refuses in training.
    std::string memoryProblem;
    if (measureMemory) {
        try {
            memory = model::measureTrainingStepMemory(*network, options.roi);
        } catch (const c10::Error& error) {
            memoryProblem = training::torchErrorLine(error);
        }
    }

    if (line.flag("json")) {
        Json result = Json::object();
        result["architecture"] = architecture;
        result["in"] = options.inChannels;
        result["out"] = options.outChannels;
        Json roi = Json::array();
        for (int64_t size : options.roi) {
            roi.push_back(size);
        }
        result["roi"] = roi;
        result["params"] = parameters;
        Json partsJson = Json::object();
        for (const auto& part : parts) {
            partsJson[part.name] = part.parameters;
        }
        result["parts"] = partsJson;
        result["macs"] = macs;
        result["size_divisor"] = network->sizeDivisor();
        result["activation_memory_bytes"] = memory >= 0 ? Json(memory) : Json(nullptr);
        if (!memoryProblem.empty()) {
            result["activation_memory_error"] = memoryProblem;
        }
        std::cout << result.dump() << "\n";
        return 0;
    }
    std::printf("architecture     %s (in %lld, out %lld), crop %s, sizes divisible by %lld\n",
                architecture.c_str(), static_cast<long long>(options.inChannels),
                static_cast<long long>(options.outChannels), roiText(options.roi).c_str(),
                static_cast<long long>(network->sizeDivisor()));
    std::printf("parameters       %s\n", grouped(parameters).c_str());
    for (const auto& part : parts) {
        std::printf("  %-16s %s\n", part.name.c_str(), grouped(part.parameters).c_str());
    }
    std::printf("conv MACs        %s (%.2f G) per crop\n", grouped(macs).c_str(), macs / 1e9);
    if (!measureMemory) {
        std::printf("training memory  not measured (--no-memory)\n");
    } else if (!memoryProblem.empty()) {
        std::printf(
            "training memory  not measurable: a batch-1 training step fails with this crop "
            "(%s); try a larger --roi\n",
            memoryProblem.c_str());
    } else if (memory < 0) {
        std::printf("training memory  cannot be measured on this system\n");
    } else {
        std::printf(
            "training memory  %.2f GiB (one step at batch 1 on the CPU: activations and "
            "gradients)\n",
            memory / 1073741824.0);
    }
    return 0;
}

}  // namespace

void appendModelCommands(std::vector<Command>& commands) {
    Command info;
    info.name = "model-info";
    info.summary = "parameters, convolution cost and training memory of an architecture";
    info.usage =
        "usage: logonet model-info --arch NAME [--in C] [--out K] [--roi X[,Y,Z]] [--json]\n"
        "                          [--no-memory] [--threads N]\n"
        "  --arch       logonet, logonet-large, logonet-tiny, ulkanet or unet\n"
        "  --in, --out  input channels (default 1) and classes with background (default 14)\n"
        "  --roi        crop size (default 96); every size divisible by the network's divisor\n"
        "  --no-memory  skip the training-step memory measurement: it runs one forward and\n"
        "               backward pass on the CPU (about a minute for logonet at 96^3, several\n"
        "               GiB for logonet-large)\n"
        "  --json       one JSON object: params, parts, macs, activation_memory_bytes, ...\n"
        "Convolution multiply-accumulates are measured by running the network on its smallest\n"
        "valid input and scaling (exact: every feature map scales with the input).";
    info.flags = {"json", "no-memory"};
    info.run = runModelInfo;
    commands.push_back(info);
    commands.push_back(benchForwardCommand());
    commands.push_back(benchDepthwiseCommand());
    commands.push_back(deviceInfoCommand());
}

}  // namespace logonet::cli
