#include "depthwise/DepthwiseConvComparison.h"

#include <torch/cuda.h>
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <stdexcept>

#include "depthwise/DepthwiseConvFunction.h"
#include "network/ComputeDevice.h"

namespace logonet::model {

namespace {

torch::Dtype dtypeOf(const std::string& type) {
    if (type == "float32") {
        return torch::kFloat;
    }
    if (type == "float64") {
        return torch::kDouble;
    }
    if (type == "float16") {
        return torch::kHalf;
    }
    if (type == "bfloat16") {
        return torch::kBFloat16;
    }
    throw std::invalid_argument("depthwise benchmark: unknown type '" + type +
                                "' (float32, float64, float16 or bfloat16)");
}

// Relative to the largest reference value: what accumulating ~k^3 products in the type loses.
double toleranceOf(const std::string& type) {
    if (type == "float64") {
        return 1e-10;
    }
    if (type == "float32") {
        return 1e-4;
    }
    return type == "float16" ? 1e-2 : 4e-2;  // bfloat16 keeps 8 bits of mantissa
}

double relativeError(const torch::Tensor& value, const torch::Tensor& reference) {
    const double scale = reference.abs().max().item<double>();
    const double error =
        (value.to(torch::kCPU, torch::kDouble) - reference).abs().max().item<double>();
    return scale > 0 ? error / scale : error;
}

void synchronize(const torch::Device& device) {
    if (device.is_cuda()) {
        torch::cuda::synchronize(device.index());
    }
}

template <typename Call>
double medianMilliseconds(const torch::Device& device, int repeats, const Call& call) {
    call();  // warm-up: allocations, cuDNN's algorithm search
    synchronize(device);
    std::vector<double> times;
    for (int r = 0; r < std::max(1, repeats); ++r) {
        const auto start = std::chrono::steady_clock::now();
        call();
        synchronize(device);
        times.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count());
    }
    std::nth_element(times.begin(), times.begin() + static_cast<long>(times.size() / 2),
                     times.end());
    return times[times.size() / 2];
}

struct Operands {
    torch::Tensor input;
    torch::Tensor weight;
    torch::Tensor bias;
    torch::Tensor gradOutput;
};

Operands makeOperands(const DepthwiseProblem& p, const torch::TensorOptions& options,
                      int64_t padding) {
    const int64_t span = p.dilation * (p.kernel - 1);
    Operands o;
    o.input = torch::randn({p.batch, p.channels, p.depth, p.height, p.width}, options);
    o.weight = torch::randn({p.channels, 1, p.kernel, p.kernel, p.kernel}, options) /
               static_cast<double>(p.kernel * p.kernel);
    o.bias = torch::randn({p.channels}, options);
    o.gradOutput = torch::randn({p.batch, p.channels, p.depth + 2 * padding - span,
                                 p.height + 2 * padding - span, p.width + 2 * padding - span},
                                options);
    return o;
}

struct Gradients {
    torch::Tensor output, input, weight, bias;
};

template <typename Convolution>
Gradients differentiate(const Operands& operands, const Convolution& convolution) {
    const torch::Tensor input = operands.input.detach().requires_grad_(true);
    const torch::Tensor weight = operands.weight.detach().requires_grad_(true);
    const torch::Tensor bias = operands.bias.detach().requires_grad_(true);
    const torch::Tensor output = convolution(input, weight, bias);
    output.backward(operands.gradOutput);
    return {output.detach(), input.grad(), weight.grad(), bias.grad()};
}

}  // namespace

std::string DepthwiseProblem::describe() const {
    return std::to_string(batch) + "x" + std::to_string(channels) + "x" + std::to_string(depth) +
           "x" + std::to_string(height) + "x" + std::to_string(width) + " k" +
           std::to_string(kernel) + " d" + std::to_string(dilation) + " " + type;
}

std::vector<DepthwiseProblem> depthwiseAccuracyProblems(const std::string& device) {
    std::vector<std::string> types = {"float32", "float64"};
    if (device == "cuda") {
        types.insert(types.end(), {"float16", "bfloat16"});
    }
    std::vector<DepthwiseProblem> problems;
    for (const std::string& type : types) {
        for (const auto& [kernel, dilation] :
             std::vector<std::pair<int64_t, int64_t>>{{3, 1}, {5, 1}, {7, 1}, {7, 3}, {5, 3}}) {
            DepthwiseProblem p;
            p.batch = 2;
            p.channels = 5;
            p.depth = 9;
            p.height = 13;
            p.width = 22;  // odd and not a multiple of any vector width
            p.kernel = kernel;
            p.dilation = dilation;
            p.type = type;
            problems.push_back(p);
        }
    }
    return problems;
}

std::vector<DepthwiseProblem> depthwiseSpeedProblems(const std::string& device) {
    std::vector<DepthwiseProblem> problems;
    std::vector<std::string> types = {"float32"};
    if (device == "cuda") {
        types.push_back("float16");
    }
    for (const std::string& type : types) {
        // Stage 1 (64 channels at 24^3) and stage 2 (128 at 12^3) of a 96^3 crop, batch 2:
        // LKA's 5x5x5 and its dilated 7x7x7 (dilation 3).
        for (const auto& [channels, size] :
             std::vector<std::pair<int64_t, int64_t>>{{64, 24}, {128, 12}}) {
            for (const auto& [kernel, dilation] :
                 std::vector<std::pair<int64_t, int64_t>>{{5, 1}, {7, 3}}) {
                DepthwiseProblem p;
                p.batch = 2;
                p.channels = channels;
                p.depth = p.height = p.width = size;
                p.kernel = kernel;
                p.dilation = dilation;
                p.type = type;
                problems.push_back(p);
            }
        }
    }
    return problems;
}

DepthwiseComparison compareDepthwiseConv(const DepthwiseProblem& problem,
                                         const std::string& deviceName, int repeats, int threads) {
    const torch::Device device = resolveComputeDevice(deviceName);
    if (threads > 0) {
        at::set_num_threads(threads);
    }
    const torch::TensorOptions options =
        torch::TensorOptions().dtype(dtypeOf(problem.type)).device(device);
    if (!depthwiseConvFastPathApplies(torch::empty({1, 1, 1, 1, 1}, options))) {
        throw std::invalid_argument("the fast depthwise convolution does not run " + problem.type +
                                    " on " + device.str() + " in this build");
    }
    const int64_t padding = problem.dilation * (problem.kernel - 1) / 2;
    const int64_t channels = problem.channels;
    torch::manual_seed(0);
    const Operands operands = makeOperands(problem, options, padding);
    const auto fast = [&](const torch::Tensor& x, const torch::Tensor& w, const torch::Tensor& b) {
        return depthwiseConv3dFast(x, w, b, padding, problem.dilation);
    };
    const auto plain = [&](const torch::Tensor& x, const torch::Tensor& w, const torch::Tensor& b) {
        return torch::conv3d(x, w, b, 1, padding, problem.dilation, channels);
    };

    Operands exact;
    const auto toDouble = [](const torch::Tensor& t) { return t.to(torch::kCPU, torch::kDouble); };
    exact.input = toDouble(operands.input);
    exact.weight = toDouble(operands.weight);
    exact.bias = toDouble(operands.bias);
    exact.gradOutput = toDouble(operands.gradOutput);
    const Gradients reference = differentiate(exact, plain);
    const Gradients measured = differentiate(operands, fast);

    DepthwiseComparison result;
    result.problem = problem;
    result.device = device.str();
    result.outputError = relativeError(measured.output, reference.output);
    result.inputGradientError = relativeError(measured.input, reference.input);
    result.weightGradientError = relativeError(measured.weight, reference.weight);
    result.biasGradientError = relativeError(measured.bias, reference.bias);
    result.tolerance = toleranceOf(problem.type);
    result.withinTolerance =
        std::max({result.outputError, result.inputGradientError, result.weightGradientError,
                  result.biasGradientError}) <= result.tolerance;
    if (repeats <= 0) {
        return result;
    }
    {
        const torch::NoGradGuard noGrad;
        result.fastForwardMs = medianMilliseconds(
            device, repeats, [&] { fast(operands.input, operands.weight, operands.bias); });
        result.plainForwardMs = medianMilliseconds(
            device, repeats, [&] { plain(operands.input, operands.weight, operands.bias); });
    }
    result.fastStepMs = medianMilliseconds(device, repeats, [&] { differentiate(operands, fast); });
    result.plainStepMs =
        medianMilliseconds(device, repeats, [&] { differentiate(operands, plain); });
    return result;
}

}  // namespace logonet::model
