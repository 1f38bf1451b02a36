#include <c10/cuda/CUDACachingAllocator.h>
#include <torch/cuda.h>
#include <torch/torch.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "depthwise/DepthwiseConvFunction.h"
#include "json/Json.h"
#include "network/Autocast.h"
#include "network/ComputeDevice.h"
#include "pretrain/Pretrainer.h"
#include "registry/ModelRegistry.h"

using namespace logonet::model;

namespace {

// CTest's SKIP_RETURN_CODE for this program: a machine without a GPU reports a skip, not a pass.
constexpr int kNoGpu = 77;

// Reference: LibTorch's own depthwise convolution on the CPU in float64.
struct Reference {
    torch::Tensor output;
    torch::Tensor gradInput;
    torch::Tensor gradWeight;
    torch::Tensor gradBias;
};

Reference cpuReference(const torch::Tensor& input, const torch::Tensor& weight,
                       const torch::Tensor& bias, const torch::Tensor& gradOutput, int64_t padding,
                       int64_t dilation) {
    auto x = input.to(torch::kCPU, torch::kFloat64).detach().requires_grad_(true);
    auto w = weight.to(torch::kCPU, torch::kFloat64).detach().requires_grad_(true);
    auto b = bias.to(torch::kCPU, torch::kFloat64).detach().requires_grad_(true);
    auto y = torch::conv3d(x, w, b, 1, padding, dilation, x.size(1));
    y.backward(gradOutput.to(torch::kCPU, torch::kFloat64));
    return {y.detach(), x.grad(), w.grad(), b.grad()};
}

double relativeError(const torch::Tensor& value, const torch::Tensor& reference) {
    const auto v = value.to(torch::kCPU, torch::kFloat64);
    const double scale = std::max(1e-12, reference.abs().max().item<double>());
    return (v - reference).abs().max().item<double>() / scale;
}

double peakMiB(int device) {
    const auto stats = c10::cuda::CUDACachingAllocator::getDeviceStats(device);
    const auto& peak =
        stats.allocated_bytes[static_cast<size_t>(c10::CachingAllocator::StatType::AGGREGATE)].peak;
    return static_cast<double>(peak) / (1024.0 * 1024.0);
}

// LoGoNet as specified (1 input channel, 14 classes) for a cubic crop of `roi`.
Network logonetFor(int64_t roi, uint64_t seed) {
    NetworkOptions options;
    options.inChannels = 1;
    options.outChannels = 14;
    options.roi = {roi, roi, roi};
    torch::manual_seed(seed);
    return createNetwork("logonet", options);
}

void resetPeak(int device) {
    c10::cuda::CUDACachingAllocator::resetPeakStats(device);
}

// Results for bench/gpu-check.sh and docs/BENCHMARKS.md: JSON lines under $OUT when set.
// (The project's Json writes doubles exactly; std::to_string would print 1e-7 as 0.000000.)
void record(const logonet::Json& result) {
    const std::string line = result.dump();
    std::printf("%s\n", line.c_str());
    if (const char* out = std::getenv("OUT")) {
        std::ofstream(std::string(out) + "/test_gpu.jsonl", std::ios::app) << line << "\n";
    }
}

// What a check found wrong; the program goes on with the next check and fails at the end.
class CheckResults {
  public:
    void expect(bool ok, const std::string& what) {
        if (!ok) {
            std::printf("FAIL   %s: %s\n", current_.c_str(), what.c_str());
            currentFailed_ = true;
        }
    }

    void run(const std::string& name, const std::function<void()>& check) {
        current_ = name;
        currentFailed_ = false;
        try {
            check();
        } catch (const std::exception& error) {
            expect(false, std::string("threw: ") + error.what());
        }
        std::printf("%s %s\n", currentFailed_ ? "FAILED" : "PASS  ", name.c_str());
        (currentFailed_ ? failed_ : passed_) += 1;
    }

    int exitCode() const {
        std::printf("Totals: %d passed, %d failed\n", passed_, failed_);
        return failed_ == 0 ? 0 : 1;
    }

  private:
    std::string current_;
    bool currentFailed_ = false;
    int passed_ = 0;
    int failed_ = 0;
};

std::string number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.3g", value);
    return text;
}

}  // namespace

// The CUDA parts that the CPU-only machines can only compile: the project's depthwise kernels
// against float64 CPU results, LoGoNet forward, and batch-2 96^3 training steps with and without
// mixed precision, recording peak GPU memory from LibTorch's caching allocator. LibTorch alone, no
// Qt: a GPU server builds it with the engine.

void depthwiseKernelsMatchFloat64OnTheCpu(CheckResults& checks, torch::ScalarType scalar,
                                          const std::string& type, int64_t kernel, int64_t dilation,
                                          double tolerance) {
    checks.expect(depthwiseConvFastPathApplies(torch::zeros({1, 1, 4, 4, 4}, torch::kCUDA)),
                  "this build has no CUDA depthwise kernels");
    torch::manual_seed(11);
    const int64_t channels = 24;
    const int64_t padding = dilation * (kernel - 1) / 2;
    // Odd sizes so that no tile boundary lines up with the volume's edge.
    const auto input = torch::randn({2, channels, 19, 23, 17});
    const auto weight = torch::randn({channels, 1, kernel, kernel, kernel}) * 0.1;
    const auto bias = torch::randn({channels});
    const auto gradOutput = torch::randn_like(input);
    const Reference reference = cpuReference(input, weight, bias, gradOutput, padding, dilation);

    const auto options = torch::TensorOptions().device(torch::kCUDA).dtype(scalar);
    auto x = input.to(options).requires_grad_(true);
    auto w = weight.to(options).requires_grad_(true);
    auto b = bias.to(options).requires_grad_(true);
    auto y = depthwiseConv3dFast(x, w, b, padding, dilation);
    y.backward(gradOutput.to(options));
    torch::cuda::synchronize();
    const double output = relativeError(y, reference.output);
    const double gradInput = relativeError(x.grad(), reference.gradInput);
    const double gradWeight = relativeError(w.grad(), reference.gradWeight);
    const double gradBias = relativeError(b.grad(), reference.gradBias);
    logonet::Json result = logonet::Json::object();
    result["check"] = "depthwise";
    result["type"] = type;
    result["kernel"] = kernel;
    result["dilation"] = dilation;
    result["output"] = output;
    result["grad_input"] = gradInput;
    result["grad_weight"] = gradWeight;
    result["grad_bias"] = gradBias;
    record(result);
    checks.expect(output < tolerance, "output error " + number(output));
    checks.expect(gradInput < tolerance, "input gradient error " + number(gradInput));
    // The weight gradient sums over the whole volume: reduced precision loses more there.
    checks.expect(gradWeight < 4 * tolerance, "weight gradient error " + number(gradWeight));
    checks.expect(gradBias < 4 * tolerance, "bias gradient error " + number(gradBias));
}

void logonetForwardAgreesWithTheCpu(CheckResults& checks) {
    Network network = logonetFor(64, 5);
    network->eval();
    const auto input = torch::randn({1, 1, 64, 64, 64});
    torch::NoGradGuard noGrad;
    const auto onCpu = network->forward(input);
    network->to(torch::kCUDA);
    resetPeak(0);
    const auto onGpu = network->forward(input.to(torch::kCUDA));
    torch::cuda::synchronize();
    const double error = relativeError(onGpu, onCpu);
    logonet::Json result = logonet::Json::object();
    result["check"] = "logonet_forward_64";
    result["relative_error"] = error;
    result["peak_mib"] = peakMiB(0);
    record(result);
    checks.expect(error < 1e-3, "relative error " + number(error));
}

// What a lab's 14 GB card must hold: batch 2 at 96^3, the paper's setting.
void trainingStepAt96(CheckResults& checks, bool amp) {
    Network network = logonetFor(96, 7);
    network->to(torch::kCUDA);
    network->train();
    torch::optim::AdamW optimizer(network->parameters(), torch::optim::AdamWOptions(1e-4));
    const auto input = torch::randn({2, 1, 96, 96, 96}, torch::kCUDA);
    const auto target = torch::randint(
        0, 14, {2, 96, 96, 96}, torch::TensorOptions().device(torch::kCUDA).dtype(torch::kLong));
    double firstLoss = 0.0;
    double lastLoss = 0.0;
    resetPeak(0);
    for (int step = 0; step < 3; ++step) {
        optimizer.zero_grad();
        torch::Tensor loss;
        {
            const AutocastScope autocast(amp, torch::Device(torch::kCUDA));
            loss = torch::cross_entropy_loss(network->forward(input).to(torch::kFloat32), target);
        }
        // Three steps at 1e-4 do not underflow float16 gradients: no loss scaling needed.
        loss.backward();
        optimizer.step();
        (step == 0 ? firstLoss : lastLoss) = loss.item<double>();
    }
    torch::cuda::synchronize();
    logonet::Json result = logonet::Json::object();
    result["check"] = "train_step_96_batch2";
    result["amp"] = amp;
    result["first_loss"] = firstLoss;
    result["last_loss"] = lastLoss;
    result["peak_mib"] = peakMiB(0);
    record(result);
    checks.expect(std::isfinite(firstLoss) && std::isfinite(lastLoss), "a loss is not finite");
    checks.expect(lastLoss < firstLoss, "three steps on one batch did not lower the loss (" +
                                            number(firstLoss) + " -> " + number(lastLoss) + ")");
    checks.expect(peakMiB(0) < 14.0 * 1024.0, "peak " + number(peakMiB(0)) + " MiB: over 14 GB");
}

// Masked multi-clusterer pre-training on the GPU (issue 5's `pretrain --device cuda`): the head,
// the masks and the labels meet the network's device, the first loss is a uniform guess (the sum
// of log K_i), a few steps move the weights (under AMP, float16 loss scaling may skip the first
// steps) and the predicted labels stay within each clusterer's K.
void pretrainingStepsOnTheGpu(CheckResults& checks, const torch::Device& device, bool amp) {
    NetworkOptions networkOptions;
    networkOptions.inChannels = 1;
    networkOptions.outChannels = 14;
    networkOptions.roi = {32, 32, 32};
    torch::manual_seed(3);
    Network network = createNetwork("logonet-tiny", networkOptions);
    network->to(device);
    logonet::training::PretrainerOptions options;
    options.clusterSizes = {80, 200};
    options.learningRate = 1e-3;
    options.totalSteps = 10;
    options.amp = amp;
    logonet::training::Pretrainer pretrainer(network, options);
    const auto crops = torch::rand({2, 1, 32, 32, 32}, torch::TensorOptions().device(device));
    const auto labels = torch::randint(0, 80, {2, 32, 2}, torch::kLong);
    const double uniform = std::log(80.0) + std::log(200.0);
    const double first = pretrainer.loss(crops, labels, pretrainer.maskFor(crops, 0));
    const auto before = network->parameters().front().detach().to(torch::kCPU).clone();
    double last = 0.0;
    for (int64_t step = 0; step < options.totalSteps; ++step) {
        last = pretrainer.step(crops, labels, step);
    }
    const auto after = network->parameters().front().detach().to(torch::kCPU);
    const auto predicted = pretrainer.predict(pretrainer.maskFor(crops, 0));
    logonet::Json result = logonet::Json::object();
    result["check"] = "pretrain_steps_32";
    result["amp"] = amp;
    result["first_loss"] = first;
    result["uniform_loss"] = uniform;
    result["last_loss"] = last;
    record(result);
    checks.expect(std::abs(first - uniform) < 1e-2 * uniform,
                  "first loss " + number(first) + ", a uniform guess is " + number(uniform));
    checks.expect(std::isfinite(last), "the last step's loss is not finite");
    checks.expect(!torch::equal(before, after), "ten steps left the weights unchanged");
    checks.expect(predicted.sizes() == torch::IntArrayRef({2, 32, 2}),
                  "predicted labels are not (batch, slices, clusterers)");
    checks.expect(predicted.select(2, 0).max().item<int64_t>() < 80 &&
                      predicted.select(2, 1).max().item<int64_t>() < 200 &&
                      predicted.min().item<int64_t>() >= 0,
                  "a predicted label is outside its clusterer's K");
}

int main() {
    const ComputeDeviceReport report = describeComputeDevices();
    if (!report.cudaCompiled) {
        std::printf("SKIP: this build has no CUDA\n");
        return kNoGpu;
    }
    if (report.gpus.empty()) {
        std::printf("SKIP: no GPU visible on this machine (CUDA %s compiled in, kernels %s)\n",
                    report.cudaVersion.c_str(), report.depthwiseCudaKernels ? "built" : "absent");
        return kNoGpu;
    }
    CheckResults checks;
    struct Precision {
        torch::ScalarType scalar;
        const char* name;
        double tolerance;
    };
    for (const Precision& precision :
         {Precision{torch::kFloat32, "float32", 1e-5}, Precision{torch::kFloat16, "float16", 4e-3},
          Precision{torch::kBFloat16, "bfloat16", 3e-2}}) {
        for (const auto& [kernel, dilation] :
             std::vector<std::pair<int64_t, int64_t>>{{5, 1}, {7, 3}}) {
            const std::string name = std::string("depthwise kernels match float64 on the CPU (") +
                                     precision.name + ", " + std::to_string(kernel) +
                                     "^3, dilation " + std::to_string(dilation) + ")";
            checks.run(name, [&] {
                depthwiseKernelsMatchFloat64OnTheCpu(checks, precision.scalar, precision.name,
                                                     kernel, dilation, precision.tolerance);
            });
        }
    }
    checks.run("LoGoNet forward at 64^3 agrees with the CPU",
               [&] { logonetForwardAgreesWithTheCpu(checks); });
    checks.run("training step, batch 2 at 96^3, float32", [&] { trainingStepAt96(checks, false); });
    checks.run("training step, batch 2 at 96^3, float16 autocast",
               [&] { trainingStepAt96(checks, true); });
    checks.run("pre-training steps at 32^3, float32",
               [&] { pretrainingStepsOnTheGpu(checks, torch::kCUDA, false); });
    checks.run("pre-training steps at 32^3, float16 autocast with loss scaling",
               [&] { pretrainingStepsOnTheGpu(checks, torch::kCUDA, true); });
    return checks.exitCode();
}
