#include <QtTest>

#include <c10/cuda/CUDACachingAllocator.h>
#include <torch/cuda.h>
#include <torch/torch.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>

#include "depthwise/DepthwiseConvFunction.h"
#include "json/Json.h"
#include "network/Autocast.h"
#include "network/ComputeDevice.h"
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

}  // namespace

// The CUDA parts that the CPU-only machines can only compile: the project's depthwise kernels
// against float64 CPU results, LoGoNet forward, and batch-2 96^3 training steps with and without
// mixed precision, recording peak GPU memory from LibTorch's caching allocator.
class TestGpu : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void depthwiseKernelsMatchFloat64OnTheCpu_data() {
        QTest::addColumn<QString>("type");
        QTest::addColumn<int>("kernel");
        QTest::addColumn<int>("dilation");
        QTest::addColumn<double>("tolerance");
        for (const auto& [name, tolerance] :
             std::map<QString, double>{{"float32", 1e-5}, {"float16", 4e-3}, {"bfloat16", 3e-2}}) {
            QTest::newRow(qPrintable(name + " 5^3")) << name << 5 << 1 << tolerance;
            QTest::newRow(qPrintable(name + " 7^3 dilation 3")) << name << 7 << 3 << tolerance;
        }
    }

    void depthwiseKernelsMatchFloat64OnTheCpu() {
        QFETCH(QString, type);
        QFETCH(int, kernel);
        QFETCH(int, dilation);
        QFETCH(double, tolerance);
        QVERIFY2(depthwiseConvFastPathApplies(torch::zeros({1, 1, 4, 4, 4}, torch::kCUDA)),
                 "this build has no CUDA depthwise kernels");
        const auto scalar = type == "float16"    ? torch::kFloat16
                            : type == "bfloat16" ? torch::kBFloat16
                                                 : torch::kFloat32;
        torch::manual_seed(11);
        const int64_t channels = 24;
        const int64_t padding = dilation * (kernel - 1) / 2;
        // Odd sizes so that no tile boundary lines up with the volume's edge.
        const auto input = torch::randn({2, channels, 19, 23, 17});
        const auto weight = torch::randn({channels, 1, kernel, kernel, kernel}) * 0.1;
        const auto bias = torch::randn({channels});
        const auto gradOutput = torch::randn_like(input);
        const Reference reference =
            cpuReference(input, weight, bias, gradOutput, padding, dilation);

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
        result["type"] = type.toStdString();
        result["kernel"] = kernel;
        result["dilation"] = dilation;
        result["output"] = output;
        result["grad_input"] = gradInput;
        result["grad_weight"] = gradWeight;
        result["grad_bias"] = gradBias;
        record(result);
        QVERIFY2(output < tolerance, qPrintable(QString::number(output)));
        QVERIFY2(gradInput < tolerance, qPrintable(QString::number(gradInput)));
        // The weight gradient sums over the whole volume: reduced precision loses more there.
        QVERIFY2(gradWeight < 4 * tolerance, qPrintable(QString::number(gradWeight)));
        QVERIFY2(gradBias < 4 * tolerance, qPrintable(QString::number(gradBias)));
    }

    void logonetForwardAgreesWithTheCpu() {
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
        QVERIFY2(error < 1e-3, qPrintable(QString::number(error)));
    }

    void trainingStepAt96_data() {
        QTest::addColumn<bool>("amp");
        QTest::newRow("float32") << false;
        QTest::newRow("amp float16") << true;
    }

    // What a lab's 14 GB card must hold: batch 2 at 96^3, the paper's setting.
    void trainingStepAt96() {
        QFETCH(bool, amp);
        Network network = logonetFor(96, 7);
        network->to(torch::kCUDA);
        network->train();
        torch::optim::AdamW optimizer(network->parameters(), torch::optim::AdamWOptions(1e-4));
        const auto input = torch::randn({2, 1, 96, 96, 96}, torch::kCUDA);
        const auto target = torch::randint(0, 14, {2, 96, 96, 96}, torch::kCUDA);
        double firstLoss = 0.0;
        double lastLoss = 0.0;
        resetPeak(0);
        for (int step = 0; step < 3; ++step) {
            optimizer.zero_grad();
            torch::Tensor loss;
            {
                const AutocastScope autocast(amp, torch::Device(torch::kCUDA));
                loss =
                    torch::cross_entropy_loss(network->forward(input).to(torch::kFloat32), target);
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
        QVERIFY(std::isfinite(firstLoss) && std::isfinite(lastLoss));
        QVERIFY2(lastLoss < firstLoss, "three steps on one batch lowered the loss");
        QVERIFY2(peakMiB(0) < 14.0 * 1024.0, "fits a 14 GB card");
    }
};

int main(int argc, char** argv) {
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
    TestGpu test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_gpu.moc"
