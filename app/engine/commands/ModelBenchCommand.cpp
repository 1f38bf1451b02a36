#include "commands/ModelBenchCommand.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>

#include "commands/ModelBenchProfile.h"
#include "json/Json.h"
#include "registry/ModelRegistry.h"

namespace logonet::cli {
namespace {

using Clock = std::chrono::steady_clock;

double millisecondsSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

double maxRelativeDifference(const torch::Tensor& a, const torch::Tensor& b) {
    const double scale = std::max(1e-30, b.abs().max().item<double>());
    return (a - b).abs().max().item<double>() / scale;
}

// The same weights in both networks: the plain one is a copy of the fast one.
void copyState(model::NetworkImpl& from, model::NetworkImpl& to) {
    torch::NoGradGuard noGrad;
    auto target = to.named_parameters();
    for (const auto& item : from.named_parameters()) {
        target[item.key()].copy_(item.value());
    }
    auto targetBuffers = to.named_buffers();
    for (const auto& item : from.named_buffers()) {
        targetBuffers[item.key()].copy_(item.value());
    }
}

struct Timing {
    std::vector<double> forward;
    std::vector<double> backward;
    torch::Tensor output;
    torch::Tensor inputGradient;
};

void timeOnce(model::NetworkImpl& network, const torch::Tensor& input, bool backward,
              Timing& timing) {
    if (!backward) {
        torch::NoGradGuard noGrad;
        const auto start = Clock::now();
        timing.output = network.forward(input);
        timing.forward.push_back(millisecondsSince(start));
        return;
    }
    const torch::Tensor leaf = input.detach().requires_grad_(true);
    network.zero_grad();
    auto start = Clock::now();
    const torch::Tensor output = network.forward(leaf);
    timing.forward.push_back(millisecondsSince(start));
    start = Clock::now();
    output.square().mean().backward();
    timing.backward.push_back(millisecondsSince(start));
    timing.output = output.detach();
    timing.inputGradient = leaf.grad();
}

int runBenchForward(const CommandLine& line) {
    line.rejectUnknown({"arch", "roi", "threads", "json", "repeats", "backward", "in", "out",
                        "batch", "seed", "fast-only", "profile"});
    const std::string architecture = line.option("arch", "logonet");
    model::NetworkOptions options;
    options.inChannels = line.integer("in", 1);
    options.outChannels = line.integer("out", 14);
    options.roi = line.integers("roi", {96, 96, 96}, 3);
    const int threads = static_cast<int>(line.integer("threads", 2));
    const int repeats = static_cast<int>(line.integer("repeats", 3));
    const int64_t batch = line.integer("batch", 1);
    const bool backward = line.flag("backward");
    const bool fastOnly = line.flag("fast-only");
    if (threads < 1 || repeats < 1 || batch < 1) {
        throw UsageError("--threads, --repeats and --batch must be at least 1");
    }
    at::set_num_threads(threads);
    torch::manual_seed(line.integer("seed", 0));

    options.fastKernels = true;
    const model::Network fast = model::createNetwork(architecture, options);
    options.fastKernels = false;
    const model::Network plain = model::createNetwork(architecture, options);
    copyState(*fast, *plain);
    // Inference benchmarks run in eval mode (batch-norm folding applies); the backward benchmark
    // times a training step (train mode, batch statistics).
    fast->train(backward);
    plain->train(backward);
    const torch::Tensor input =
        torch::randn({batch, options.inChannels, options.roi[0], options.roi[1], options.roi[2]});

    Timing fastTiming;
    Timing plainTiming;
    for (int r = 0; r < repeats; ++r) {
        timeOnce(*fast, input, backward, fastTiming);
        if (!fastOnly) {
            timeOnce(*plain, input, backward, plainTiming);
        }
    }
    if (line.flag("profile")) {
        // One more pass of each network under the operator profiler: where the time goes.
        const std::vector<std::pair<std::string, model::NetworkImpl*>> paths = {
            {"fast", fast.get()}, {"plain", plain.get()}};
        for (const auto& [name, network] : paths) {
            if (fastOnly && name == "plain") {
                continue;
            }
            Timing ignored;
            const auto times =
                profileOperators([&] { timeOnce(*network, input, backward, ignored); });
            std::cerr << "== " << name << " path, by operator\n"
                      << formatOperatorTimes(mergeShapes(times), 25) << "== " << name
                      << " path, by operator and input shapes\n"
                      << formatOperatorTimes(times, 40);
        }
    }
    Json result = Json::object();
    result["arch"] = architecture;
    result["roi"] = Json(Json::Array{options.roi[0], options.roi[1], options.roi[2]});
    result["batch"] = batch;
    result["threads"] = threads;
    result["repeats"] = repeats;
    result["mode"] = backward ? "train" : "eval";
    result["fast_ms"] = median(fastTiming.forward);
    if (backward) {
        result["fast_backward_ms"] = median(fastTiming.backward);
    }
    if (!fastOnly) {
        result["plain_ms"] = median(plainTiming.forward);
        result["speedup"] = median(plainTiming.forward) / median(fastTiming.forward);
        result["max_rel_diff"] = maxRelativeDifference(fastTiming.output, plainTiming.output);
        if (backward) {
            result["plain_backward_ms"] = median(plainTiming.backward);
            result["backward_speedup"] = median(plainTiming.backward) / median(fastTiming.backward);
            result["max_rel_diff_input_grad"] =
                maxRelativeDifference(fastTiming.inputGradient, plainTiming.inputGradient);
        }
    }
    if (line.flag("json")) {
        std::cout << result.dump() << "\n";
        return 0;
    }
    std::printf("%s, %s mode, crop %lldx%lldx%lld, batch %lld, %d threads, median of %d\n",
                architecture.c_str(), backward ? "train" : "eval",
                static_cast<long long>(options.roi[0]), static_cast<long long>(options.roi[1]),
                static_cast<long long>(options.roi[2]), static_cast<long long>(batch), threads,
                repeats);
    std::printf("forward   fast %10.1f ms", result.at("fast_ms").asNumber());
    if (!fastOnly) {
        std::printf("   plain %10.1f ms   speedup %.2fx   max relative difference %.2e",
                    result.at("plain_ms").asNumber(), result.at("speedup").asNumber(),
                    result.at("max_rel_diff").asNumber());
    }
    std::printf("\n");
    if (backward) {
        std::printf("backward  fast %10.1f ms", result.at("fast_backward_ms").asNumber());
        if (!fastOnly) {
            std::printf("   plain %10.1f ms   speedup %.2fx   input gradient difference %.2e",
                        result.at("plain_backward_ms").asNumber(),
                        result.at("backward_speedup").asNumber(),
                        result.at("max_rel_diff_input_grad").asNumber());
        }
        std::printf("\n");
    }
    return 0;
}

}  // namespace

Command benchForwardCommand() {
    Command command;
    command.name = "bench forward";
    command.summary = "time a forward (and backward) pass: fast path against plain LibTorch";
    command.usage =
        "usage: logonet bench forward [--arch logonet] [--roi 96] [--threads 2] [--repeats 3]\n"
        "                             [--backward] [--batch 1] [--in 1] [--out 14] [--seed 0]\n"
        "                             [--fast-only] [--profile] [--json]\n"
        "Builds the network twice with the same weights, once with the fast CPU kernels and\n"
        "inference fusions and once from plain LibTorch layers, and reports the median time of\n"
        "each (eval mode; --backward: a training step, forward and backward timed apart) and\n"
        "the largest relative difference of their outputs. --json: one object with fast_ms,\n"
        "plain_ms, speedup, max_rel_diff (and *_backward_ms with --backward). --profile: one\n"
        "more pass of each path under the operator profiler, time per operator on stderr.";
    command.flags = {"json", "backward", "fast-only", "profile"};
    command.run = runBenchForward;
    return command;
}

}  // namespace logonet::cli
