#include "bench/ForwardBenchmark.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <utility>

#include "bench/OperatorProfile.h"
#include "network/Autocast.h"
#include "registry/ModelRegistry.h"

namespace logonet::model {
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
    const torch::Tensor reference = b.to(torch::kDouble);
    const double scale = std::max(1e-30, reference.abs().max().item<double>());
    return (a.to(torch::kDouble) - reference).abs().max().item<double>() / scale;
}

// The same weights in both networks: the plain one is a copy of the fast one.
void copyState(NetworkImpl& from, NetworkImpl& to) {
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

void timeOnce(NetworkImpl& network, const torch::Tensor& input, bool backward, bool amp,
              Timing& timing) {
    const AutocastScope autocast(amp, input.device());
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

}  // namespace

ForwardBenchmarkResult runForwardBenchmark(const ForwardBenchmarkOptions& options) {
    at::set_num_threads(options.threads);
    torch::manual_seed(options.seed);

    NetworkOptions networkOptions;
    networkOptions.inChannels = options.inChannels;
    networkOptions.outChannels = options.outChannels;
    networkOptions.roi = options.roi;
    networkOptions.fastKernels = true;
    const Network fast = createNetwork(options.architecture, networkOptions);
    networkOptions.fastKernels = false;
    const Network plain = createNetwork(options.architecture, networkOptions);
    copyState(*fast, *plain);
    // Inference benchmarks run in eval mode (batch-norm folding applies); the backward benchmark
    // times a training step (train mode, batch statistics).
    fast->train(options.backward);
    plain->train(options.backward);
    const torch::Tensor input = torch::randn(
        {options.batch, options.inChannels, options.roi[0], options.roi[1], options.roi[2]});

    // One untimed pass each first: LibTorch creates and caches its oneDNN primitives (and
    // allocates the activations) on the first call of each shape.
    Timing warmUp;
    timeOnce(*fast, input, options.backward, options.amp, warmUp);
    if (!options.fastOnly) {
        timeOnce(*plain, input, options.backward, options.amp, warmUp);
    }
    Timing fastTiming;
    Timing plainTiming;
    for (int r = 0; r < options.repeats; ++r) {
        timeOnce(*fast, input, options.backward, options.amp, fastTiming);
        if (!options.fastOnly) {
            timeOnce(*plain, input, options.backward, options.amp, plainTiming);
        }
    }
    ForwardBenchmarkResult result;
    if (options.float64Reference && !options.fastOnly && !options.amp) {
        // networkOptions still build the plain network.
        const Network exact = createNetwork(options.architecture, networkOptions);
        copyState(*plain, *exact);
        exact->to(torch::kDouble);
        exact->train(options.backward);
        Timing exactTiming;
        timeOnce(*exact, input.to(torch::kDouble), options.backward, false, exactTiming);
        result.fastOutputError = maxRelativeDifference(fastTiming.output, exactTiming.output);
        result.plainOutputError = maxRelativeDifference(plainTiming.output, exactTiming.output);
        Timing perturbed;
        timeOnce(*plain, input * (1 + 1e-6 * torch::randn_like(input)), options.backward, false,
                 perturbed);
        result.outputSensitivity = maxRelativeDifference(perturbed.output, plainTiming.output);
        if (options.backward) {
            result.fastInputGradientError =
                maxRelativeDifference(fastTiming.inputGradient, exactTiming.inputGradient);
            result.plainInputGradientError =
                maxRelativeDifference(plainTiming.inputGradient, exactTiming.inputGradient);
            result.inputGradientSensitivity =
                maxRelativeDifference(perturbed.inputGradient, plainTiming.inputGradient);
        }
    }
    if (options.profile) {
        const std::vector<std::pair<std::string, NetworkImpl*>> paths = {{"fast", fast.get()},
                                                                         {"plain", plain.get()}};
        for (const auto& [name, network] : paths) {
            if (options.fastOnly && name == "plain") {
                continue;
            }
            Timing ignored;
            const auto times = profileOperators(
                [&] { timeOnce(*network, input, options.backward, options.amp, ignored); });
            result.profiles.push_back({name, formatOperatorTimes(mergeShapes(times), 25),
                                       formatOperatorTimes(times, 40)});
        }
    }
    result.fastMs = median(fastTiming.forward);
    if (options.backward) {
        result.fastBackwardMs = median(fastTiming.backward);
    }
    if (!options.fastOnly) {
        result.plainMs = median(plainTiming.forward);
        result.speedup = result.plainMs / result.fastMs;
        result.maxRelativeDifference = maxRelativeDifference(fastTiming.output, plainTiming.output);
        if (options.backward) {
            result.plainBackwardMs = median(plainTiming.backward);
            result.backwardSpeedup = result.plainBackwardMs / result.fastBackwardMs;
            result.maxRelativeInputGradientDifference =
                maxRelativeDifference(fastTiming.inputGradient, plainTiming.inputGradient);
        }
    }
    return result;
}

}  // namespace logonet::model
