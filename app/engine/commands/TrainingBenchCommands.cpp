#include <chrono>
#include <iostream>
#include <map>

#include "commands/TrainingCommandSet.h"
#include "finetune/FineTuner.h"
#include "finetune/MixedPrecision.h"
#include "inference/SlidingWindowInference.h"
#include "logonet/LoGoNet.h"
#include "losses/DiceCELoss.h"
#include "network/Autocast.h"
#include "network/ComputeDevice.h"
#include "optim/FusedAdamW.h"
#include "registry/ModelRegistry.h"

namespace logonet::cli {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

torch::Device benchDevice(const CommandLine& line) {
    const std::string device = line.option("device", "cpu");
    if (device != "cpu" && device != "cuda") {
        throw UsageError("--device must be cpu or cuda");
    }
    return model::resolveComputeDevice(device);
}

// What both benchmarks set up the same way: threads, seed, device and a network built for `roi`
// (x, y, z as typed; the network takes z, y, x).
struct BenchNetwork {
    std::string architecture;
    std::string localBranches = "auto";
    int64_t classes = 14;
    int64_t threads = 2;
    torch::Device device = torch::kCPU;
    model::Network network;
};

BenchNetwork buildBenchNetwork(const CommandLine& line, const std::vector<int64_t>& roi) {
    BenchNetwork bench;
    bench.classes = line.integer("classes", 14);
    bench.threads = line.integer("threads", 2);
    at::set_num_threads(static_cast<int>(bench.threads));
    bench.device = benchDevice(line);
    torch::manual_seed(0);
    model::NetworkOptions options;
    options.outChannels = bench.classes;
    options.roi = {roi[2], roi[1], roi[0]};
    options.fastKernels = !line.flag("plain");
    bench.architecture = line.option("arch", "logonet");
    bench.network = model::createNetwork(bench.architecture, options);
    bench.network->to(bench.device);
    // LoGoNet's local branches one by one or grouped, for A/B measurements in one binary.
    bench.localBranches = line.option("local-branches", "auto");
    const std::map<std::string, model::LocalBranchExecution> executions = {
        {"auto", model::LocalBranchExecution::Automatic},
        {"loop", model::LocalBranchExecution::Loop},
        {"grouped", model::LocalBranchExecution::Grouped}};
    if (executions.count(bench.localBranches) == 0) {
        throw UsageError("--local-branches must be auto, loop or grouped");
    }
    auto* logonet = dynamic_cast<model::LoGoNetImpl*>(bench.network.get());
    if (logonet != nullptr) {
        logonet->setLocalBranchExecution(executions.at(bench.localBranches));
    } else if (bench.localBranches != "auto") {
        throw UsageError("--local-branches: " + bench.architecture + " has no local branches");
    }
    return bench;
}

// What ran: "grouped", "loop", or "none" for an architecture without local branches.
std::string localBranchesRun(const BenchNetwork& bench, const torch::Tensor& input) {
    const auto* logonet = dynamic_cast<const model::LoGoNetImpl*>(bench.network.get());
    if (logonet == nullptr || !logonet->logonetOptions().localSplit) {
        return "none";
    }
    return logonet->usesGroupedLocalBranches(input) ? "grouped" : "loop";
}

void printResult(const Json& result, bool json) {
    if (json) {
        std::cout << result.dump() << std::endl;
    } else {
        std::cout << result.dump(2) << "\n";
    }
}

int runBenchTrain(const CommandLine& line) {
    line.rejectUnknown({"arch", "crop", "batch", "threads", "iters", "classes", "device", "json",
                        "amp", "checkpointing", "plain", "local-branches"});
    const auto crop = line.integers("crop", {96, 96, 96}, 3);
    const int64_t batch = line.integer("batch", 1);
    const int64_t iterations = line.integer("iters", 3);
    const BenchNetwork bench = buildBenchNetwork(line, crop);
    const model::Network& network = bench.network;
    const torch::Device device = bench.device;
    const int64_t classes = bench.classes;
    const bool checkpointing = line.flag("checkpointing");
    if (checkpointing && !network->setActivationCheckpointing(true)) {
        throw UsageError("--checkpointing: " + bench.architecture +
                         " has no encoder stages to checkpoint");
    }
    training::MixedPrecision precision(line.flag("amp"), device);
    network->train();
    training::FusedAdamW optimizer(network->parameters(), torch::optim::AdamWOptions(1e-4));
    const training::DiceCELoss loss;
    const torch::Tensor image = torch::rand({batch, 1, crop[2], crop[1], crop[0]}).to(device);
    const torch::Tensor labels =
        torch::randint(0, classes, {batch, crop[2], crop[1], crop[0]}, torch::kLong).to(device);
    auto step = [&]() {
        optimizer.zero_grad();
        torch::Tensor logits;
        {
            const model::AutocastScope autocast(precision.autocast(), device);
            logits = network->forward(image);
        }
        precision.scaleLoss(loss(logits.to(torch::kFloat), labels).total).backward();
        if (precision.unscale(*network)) {
            optimizer.step();
        }
    };
    const auto warmStart = Clock::now();
    step();  // the first step allocates and tunes kernels
    const double firstStep = secondsSince(warmStart);
    const auto start = Clock::now();
    for (int64_t n = 0; n < iterations; ++n) {
        step();
    }
    const double seconds = secondsSince(start);
    Json result = Json::object();
    result["benchmark"] = "train";
    result["arch"] = bench.architecture;
    result["crop"] = Json(Json::Array{Json(crop[0]), Json(crop[1]), Json(crop[2])});
    result["batch"] = Json(batch);
    result["threads"] = Json(bench.threads);
    result["device"] = device.is_cuda() ? "cuda" : "cpu";
    result["amp"] = precision.autocast();
    result["checkpointing"] = checkpointing;
    result["path"] = line.flag("plain") ? "plain" : "fast";
    result["local_branches"] = localBranchesRun(bench, image);
    result["iterations"] = Json(iterations);
    result["first_step_s"] = firstStep;
    result["seconds_per_iteration"] = seconds / static_cast<double>(iterations);
    result["it_per_s"] = static_cast<double>(iterations) / seconds;
    result["peak_rss_mb"] = training::peakResidentMemoryMiB();
    printResult(result, line.flag("json"));
    return 0;
}

int runBenchInfer(const CommandLine& line) {
    line.rejectUnknown({"arch", "size", "roi", "threads", "overlap", "classes", "device",
                        "window-batch", "amp", "json", "local-branches"});
    const auto size = line.integers("size", {256, 256, 160}, 3);
    const auto roi = line.integers("roi", {96, 96, 96}, 3);
    const BenchNetwork bench = buildBenchNetwork(line, roi);
    const model::Network& network = bench.network;
    const torch::Device device = bench.device;
    network->eval();
    training::SlidingWindowOptions window;
    window.roi = {roi[2], roi[1], roi[0]};
    window.overlap = line.number("overlap", 0.5);
    window.windowBatch = line.integer("window-batch", 2);
    const torch::Tensor volume = torch::rand({1, 1, size[2], size[1], size[0]}).to(device);
    const bool amp = line.flag("amp");
    torch::NoGradGuard noGrad;
    const auto start = Clock::now();
    const torch::Tensor out = training::slidingWindowInference(
        volume,
        [&](const torch::Tensor& x) {
            const model::AutocastScope autocast(amp, device);
            return torch::softmax(network->forward(x).to(torch::kFloat), 1);
        },
        window);
    const torch::Tensor labels = out.argmax(1);
    const double seconds = secondsSince(start);
    Json result = Json::object();
    result["benchmark"] = "infer";
    result["arch"] = bench.architecture;
    result["size"] = Json(Json::Array{Json(size[0]), Json(size[1]), Json(size[2])});
    result["roi"] = Json(Json::Array{Json(roi[0]), Json(roi[1]), Json(roi[2])});
    result["overlap"] = window.overlap;
    result["amp"] = amp;
    result["threads"] = Json(bench.threads);
    result["device"] = device.is_cuda() ? "cuda" : "cpu";
    result["seconds"] = seconds;
    result["local_branches"] =
        localBranchesRun(bench, torch::zeros({1, 1, roi[2], roi[1], roi[0]}).to(device));
    result["voxels_labelled"] = Json(labels.numel());
    result["peak_rss_mb"] = training::peakResidentMemoryMiB();
    printResult(result, line.flag("json"));
    return 0;
}

}  // namespace

Command benchTrainCommand() {
    Command command;
    command.name = "bench train";
    command.summary = "training iterations per second and peak memory of an architecture";
    command.usage =
        "usage: logonet bench train [--arch logonet] [--crop 96] [--batch 1] [--threads 2]\n"
        "         [--iters 3] [--classes 14] [--device cpu|cuda] [--amp] [--checkpointing] "
        "[--plain]\n"
        "         [--local-branches auto|loop|grouped] [--json]\n"
        "Times full training steps (forward, DiceCE, backward, AdamW) on random data after\n"
        "one warm-up step. --amp: float16 autocast and loss scaling on CUDA, bfloat16 on the CPU;\n"
        "--checkpointing: recompute the encoder stages in the backward pass; --plain: the\n"
        "network from plain LibTorch layers (no hand-written kernels), for comparison;\n"
        "--local-branches: LoGoNet's eight local branches one by one or as one grouped network\n"
        "(auto: grouped where measured faster).";
    command.flags = {"json", "amp", "checkpointing", "plain"};
    command.run = runBenchTrain;
    return command;
}

Command benchInferCommand() {
    Command command;
    command.name = "bench infer";
    command.summary = "full-volume sliding-window inference time";
    command.usage =
        "usage: logonet bench infer [--arch logonet] [--size 256,256,160] [--roi 96]\n"
        "         [--overlap 0.5] [--threads 2] [--window-batch 2] [--device cpu|cuda] [--amp]\n"
        "         [--local-branches auto|loop|grouped] [--json]\n"
        "Times one sliding-window prediction (softmax, Gaussian blending, argmax) of a random\n"
        "volume of the given size; --size equal to --roi times a single forward pass. --amp:\n"
        "under autocast (bfloat16 on the CPU, float16 on CUDA).";
    command.flags = {"json", "amp"};
    command.run = runBenchInfer;
    return command;
}

}  // namespace logonet::cli
