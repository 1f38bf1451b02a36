#include "commands/ModelBenchCommand.h"

#include <cstdio>
#include <iostream>

#include "bench/ForwardBenchmark.h"
#include "json/Json.h"

namespace logonet::cli {
namespace {

int runBenchForward(const CommandLine& line) {
    line.rejectUnknown({"arch", "roi", "threads", "json", "repeats", "backward", "in", "out",
                        "batch", "seed", "fast-only", "profile", "amp", "float64"});
    model::ForwardBenchmarkOptions options;
    options.architecture = line.option("arch", "logonet");
    options.inChannels = line.integer("in", 1);
    options.outChannels = line.integer("out", 14);
    options.roi = line.integers("roi", {96, 96, 96}, 3);
    options.threads = static_cast<int>(line.integer("threads", 2));
    options.repeats = static_cast<int>(line.integer("repeats", 3));
    options.batch = line.integer("batch", 1);
    options.backward = line.flag("backward");
    options.fastOnly = line.flag("fast-only");
    options.profile = line.flag("profile");
    options.amp = line.flag("amp");
    options.float64Reference = line.flag("float64");
    if (options.float64Reference && (options.amp || options.fastOnly)) {
        throw UsageError("--float64 compares both float32 paths: not with --amp or --fast-only");
    }
    if (options.threads < 1 || options.repeats < 1 || options.batch < 1) {
        throw UsageError("--threads, --repeats and --batch must be at least 1");
    }
    options.seed = line.integer("seed", 0);
    const model::ForwardBenchmarkResult bench = model::runForwardBenchmark(options);

    for (const model::ProfiledPath& profile : bench.profiles) {
        std::cerr << "== " << profile.path << " path, by operator\n"
                  << profile.byOperator << "== " << profile.path
                  << " path, by operator and input shapes\n"
                  << profile.byOperatorAndShapes;
    }
    const bool backward = options.backward;
    const bool fastOnly = options.fastOnly;
    Json result = Json::object();
    result["arch"] = options.architecture;
    result["roi"] = Json(Json::Array{options.roi[0], options.roi[1], options.roi[2]});
    result["batch"] = options.batch;
    result["threads"] = options.threads;
    result["repeats"] = options.repeats;
    result["mode"] = backward ? "train" : "eval";
    result["amp"] = options.amp;
    result["fast_ms"] = bench.fastMs;
    if (backward) {
        result["fast_backward_ms"] = bench.fastBackwardMs;
    }
    if (!fastOnly) {
        result["plain_ms"] = bench.plainMs;
        result["speedup"] = bench.speedup;
        result["max_rel_diff"] = bench.maxRelativeDifference;
        if (backward) {
            result["plain_backward_ms"] = bench.plainBackwardMs;
            result["backward_speedup"] = bench.backwardSpeedup;
            result["max_rel_diff_input_grad"] = bench.maxRelativeInputGradientDifference;
        }
    }
    if (options.float64Reference) {
        result["fast_error_float64"] = bench.fastOutputError;
        result["plain_error_float64"] = bench.plainOutputError;
        result["output_sensitivity"] = bench.outputSensitivity;
        if (backward) {
            result["fast_input_grad_error_float64"] = bench.fastInputGradientError;
            result["plain_input_grad_error_float64"] = bench.plainInputGradientError;
            result["input_grad_sensitivity"] = bench.inputGradientSensitivity;
        }
    }
    if (line.flag("json")) {
        std::cout << result.dump() << "\n";
        return 0;
    }
    std::printf("%s, %s mode, crop %lldx%lldx%lld, batch %lld, %d threads, median of %d\n",
                options.architecture.c_str(), backward ? "train" : "eval",
                static_cast<long long>(options.roi[0]), static_cast<long long>(options.roi[1]),
                static_cast<long long>(options.roi[2]), static_cast<long long>(options.batch),
                options.threads, options.repeats);
    std::printf("forward   fast %10.1f ms", bench.fastMs);
    if (!fastOnly) {
        std::printf("   plain %10.1f ms   speedup %.2fx   max relative difference %.2e",
                    bench.plainMs, bench.speedup, bench.maxRelativeDifference);
    }
    std::printf("\n");
    if (backward) {
        std::printf("backward  fast %10.1f ms", bench.fastBackwardMs);
        if (!fastOnly) {
            std::printf("   plain %10.1f ms   speedup %.2fx   input gradient difference %.2e",
                        bench.plainBackwardMs, bench.backwardSpeedup,
                        bench.maxRelativeInputGradientDifference);
        }
        std::printf("\n");
    }
    if (options.float64Reference) {
        std::printf(
            "error against float64: output fast %.2e plain %.2e (input moved by 1e-6: "
            "%.2e)",
            bench.fastOutputError, bench.plainOutputError, bench.outputSensitivity);
        if (backward) {
            std::printf("   input gradient fast %.2e plain %.2e (input moved by 1e-6: %.2e)",
                        bench.fastInputGradientError, bench.plainInputGradientError,
                        bench.inputGradientSensitivity);
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
        "                             [--fast-only] [--profile] [--amp] [--float64] [--json]\n"
        "Builds the network twice with the same weights, once with the fast CPU kernels and\n"
        "inference fusions and once from plain LibTorch layers, and reports the median time of\n"
        "each after one untimed pass (eval mode; --backward: a training step, forward and\n"
        "backward timed apart) and\n"
        "the largest relative difference of their outputs. --json: one object with fast_ms,\n"
        "plain_ms, speedup, max_rel_diff (and *_backward_ms with --backward). --profile: one\n"
        "more pass of each path under the operator profiler, time per operator on stderr.\n"
        "--amp: both under autocast (bfloat16 on the CPU). --float64: the plain network once\n"
        "more in float64, each float32 path's largest difference from it, and how far the\n"
        "plain path moves when the input moves by a relative 1e-6 (the problem's float32\n"
        "noise floor).";
    command.flags = {"json", "backward", "fast-only", "profile", "amp", "float64"};
    command.run = runBenchForward;
    return command;
}

}  // namespace logonet::cli
