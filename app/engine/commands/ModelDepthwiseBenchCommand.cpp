#include "commands/ModelDepthwiseBenchCommand.h"

#include <cstdio>
#include <iostream>

#include "depthwise/DepthwiseConvComparison.h"
#include "json/Json.h"

namespace logonet::cli {

namespace {

Json toJson(const model::DepthwiseComparison& c, bool timed) {
    Json row = Json::object();
    row["problem"] = c.problem.describe();
    row["device"] = c.device;
    row["output_error"] = c.outputError;
    row["input_gradient_error"] = c.inputGradientError;
    row["weight_gradient_error"] = c.weightGradientError;
    row["bias_gradient_error"] = c.biasGradientError;
    row["tolerance"] = c.tolerance;
    row["within_tolerance"] = c.withinTolerance;
    if (timed) {
        row["fast_forward_ms"] = c.fastForwardMs;
        row["plain_forward_ms"] = c.plainForwardMs;
        row["fast_step_ms"] = c.fastStepMs;
        row["plain_step_ms"] = c.plainStepMs;
    }
    return row;
}

void printRow(const model::DepthwiseComparison& c, bool timed) {
    std::printf("%-34s %s  errors %.1e %.1e %.1e %.1e", c.problem.describe().c_str(),
                c.withinTolerance ? "ok  " : "FAIL", c.outputError, c.inputGradientError,
                c.weightGradientError, c.biasGradientError);
    if (timed) {
        std::printf("  forward %.2f vs %.2f ms, step %.2f vs %.2f ms", c.fastForwardMs,
                    c.plainForwardMs, c.fastStepMs, c.plainStepMs);
    }
    std::printf("\n");
}

int runBenchDepthwise(const CommandLine& line) {
    line.rejectUnknown({"device", "repeats", "threads", "json"});
    const std::string device = line.option("device", "cpu");
    if (device != "cpu" && device != "cuda") {
        throw UsageError("--device must be cpu or cuda");
    }
    const int repeats = static_cast<int>(line.integer("repeats", 5));
    if (repeats < 1) {
        throw UsageError("--repeats must be at least 1");
    }
    const int threads = static_cast<int>(line.integer("threads", 2));
    if (threads < 1) {
        throw UsageError("--threads must be at least 1");
    }
    const bool json = line.flag("json");
    Json accuracy = Json::array();
    Json speed = Json::array();
    bool allWithin = true;
    if (!json) {
        std::printf(
            "accuracy against torch::conv3d in float64 (output, input, weight, bias "
            "gradients; max error / max value)\n");
    }
    for (const auto& problem : model::depthwiseAccuracyProblems(device)) {
        const auto result = model::compareDepthwiseConv(problem, device, 0, threads);
        allWithin = allWithin && result.withinTolerance;
        accuracy.push_back(toJson(result, false));
        if (!json) {
            printRow(result, false);
        }
    }
    if (!json) {
        std::printf("speed: fast kernels vs torch::conv3d(groups = C) on %s, median of %d\n",
                    device.c_str(), repeats);
    }
    for (const auto& problem : model::depthwiseSpeedProblems(device)) {
        const auto result = model::compareDepthwiseConv(problem, device, repeats, threads);
        allWithin = allWithin && result.withinTolerance;
        speed.push_back(toJson(result, true));
        if (!json) {
            printRow(result, true);
        }
    }
    if (json) {
        Json result = Json::object();
        result["benchmark"] = "depthwise";
        result["device"] = device;
        result["all_within_tolerance"] = allWithin;
        result["accuracy"] = accuracy;
        result["speed"] = speed;
        std::cout << result.dump() << std::endl;
    }
    // A failed comparison is a result a script must notice.
    return allWithin ? 0 : 1;
}

}  // namespace

Command benchDepthwiseCommand() {
    Command command;
    command.name = "bench depthwise";
    command.summary = "check and time the fast depthwise convolution against torch::conv3d";
    command.usage =
        "usage: logonet bench depthwise [--device cpu|cuda] [--repeats 5] [--threads 2] [--json]\n"
        "Compares the hand-written depthwise 3D convolution (values and the three gradients)\n"
        "with torch::conv3d(groups = C) computed in float64 on the CPU, for kernels 3/5/7 and\n"
        "dilations 1/3 on odd sizes and every type the device's kernels take (on CUDA: float,\n"
        "double, half, bfloat16), then times both on LoGoNet's stage-1 and stage-2 LKA\n"
        "convolutions at a 96^3 crop, batch 2. Exit code 1 when any error exceeds its type's\n"
        "tolerance.";
    command.flags = {"json"};
    command.run = runBenchDepthwise;
    return command;
}

}  // namespace logonet::cli
