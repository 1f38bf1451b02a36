// FusedAdamW (one fused kernel call per group) against torch::optim::AdamW and against a float64
// loop written from AdamW's formula; its state saved and loaded by AdamW's own archive.
#include <QtTest/QtTest>

#include <ATen/record_function.h>

#include <cmath>
#include <sstream>

#include "optim/FusedAdamW.h"

using namespace logonet::training;

namespace {

// Shapes like a small network's: convolution kernels, biases, norms, a scalar.
std::vector<torch::Tensor> makeParameters(torch::Dtype dtype) {
    torch::manual_seed(3);
    std::vector<torch::Tensor> parameters;
    for (const auto& shape : std::vector<std::vector<int64_t>>{
             {8, 4, 3, 3, 3}, {8}, {14, 14, 1, 1, 1}, {1}, {64, 3}, {5, 1, 7, 7, 7}}) {
        parameters.push_back(torch::randn(shape, dtype).requires_grad_());
    }
    return parameters;
}

std::vector<torch::Tensor> cloneParameters(const std::vector<torch::Tensor>& from) {
    std::vector<torch::Tensor> out;
    for (const auto& parameter : from) {
        out.push_back(parameter.detach().clone().requires_grad_());
    }
    return out;
}

// Gradients of step `step`; parameter 1 gets none on odd steps, so its step count lags.
void setGradients(std::vector<torch::Tensor>& parameters, int step) {
    torch::manual_seed(100 + step);
    for (size_t i = 0; i < parameters.size(); ++i) {
        torch::Tensor grad = torch::randn_like(parameters[i]) * (0.1 + static_cast<double>(i));
        if (i == 1 && step % 2 == 1) {
            parameters[i].mutable_grad() = torch::Tensor();
        } else {
            parameters[i].mutable_grad() = grad;
        }
    }
}

double maxDifference(const std::vector<torch::Tensor>& a, const std::vector<torch::Tensor>& b) {
    double worst = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        worst =
            std::max(worst, (a[i].detach().to(torch::kDouble) - b[i].detach().to(torch::kDouble))
                                .abs()
                                .max()
                                .item<double>());
    }
    return worst;
}

// AdamW, decoupled weight decay, bias-corrected moments; one float64 scalar at a time.
struct ReferenceAdamW {
    double lr, beta1, beta2, eps, decay;
    std::vector<std::vector<double>> m, v;
    std::vector<int> steps;

    void step(std::vector<std::vector<double>>& params,
              const std::vector<std::vector<double>>& grads, const std::vector<bool>& has) {
        if (m.empty()) {
            for (const auto& p : params) {
                m.emplace_back(p.size(), 0.0);
                v.emplace_back(p.size(), 0.0);
                steps.push_back(0);
            }
        }
        for (size_t i = 0; i < params.size(); ++i) {
            if (!has[i]) {
                continue;
            }
            const int t = ++steps[i];
            const double c1 = 1 - std::pow(beta1, t);
            const double c2 = 1 - std::pow(beta2, t);
            for (size_t j = 0; j < params[i].size(); ++j) {
                double& p = params[i][j];
                const double g = grads[i][j];
                p *= 1 - lr * decay;
                m[i][j] = beta1 * m[i][j] + (1 - beta1) * g;
                v[i][j] = beta2 * v[i][j] + (1 - beta2) * g * g;
                p -= lr * (m[i][j] / c1) / (std::sqrt(v[i][j] / c2) + eps);
            }
        }
    }
};

// Whether `run` called ATen's fused AdamW kernel (seen by a RecordFunction observer).
bool fusedKernelSeen = false;

bool callsFusedKernel(const std::function<void()>& run) {
    fusedKernelSeen = false;
    const auto handle = at::addThreadLocalCallback(
        at::RecordFunctionCallback([](const at::RecordFunction& function)
                                       -> std::unique_ptr<at::ObserverContext> {
            if (std::string(function.name()) == "aten::_fused_adamw_") {
                fusedKernelSeen = true;
            }
            return nullptr;
        }).scopes({at::RecordScope::FUNCTION}));
    run();
    at::removeCallback(handle);
    return fusedKernelSeen;
}

std::vector<double> valuesOf(const torch::Tensor& t) {
    const torch::Tensor flat = t.detach().to(torch::kDouble).contiguous().view(-1);
    return std::vector<double>(flat.data_ptr<double>(), flat.data_ptr<double>() + flat.numel());
}

}  // namespace

class FusedAdamWTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(2); }

    void matchesLibTorchAdamW() {
        auto fusedParameters = makeParameters(torch::kFloat);
        auto plainParameters = cloneParameters(fusedParameters);
        const auto options = torch::optim::AdamWOptions(3e-3).weight_decay(0.05);
        FusedAdamW fused(fusedParameters, options);
        torch::optim::AdamW plain(plainParameters, options);
        for (int step = 0; step < 12; ++step) {
            setGradients(fusedParameters, step);
            setGradients(plainParameters, step);
            for (auto* optimizer : std::vector<torch::optim::Optimizer*>{&fused, &plain}) {
                // The learning rate changes every step, as the warm-up and cosine schedule does.
                static_cast<torch::optim::AdamWOptions&>(optimizer->param_groups()[0].options())
                    .lr(3e-3 * (1.0 + 0.1 * step));
            }
            QVERIFY(callsFusedKernel([&] { fused.step(); }));
            plain.step();
        }
        const double difference = maxDifference(fusedParameters, plainParameters);
        QVERIFY2(difference < 2e-6, qPrintable(QString::number(difference)));
        // The lagging parameter really lagged: 6 of 12 steps.
        const auto& state = static_cast<torch::optim::AdamWParamState&>(
            *fused.state().at(fusedParameters[1].unsafeGetTensorImpl()));
        QCOMPARE(state.step(), int64_t{6});
    }

    void matchesTheFormulaInFloat64() {
        auto parameters = makeParameters(torch::kFloat);
        std::vector<std::vector<double>> reference;
        for (const auto& p : parameters) {
            reference.push_back(valuesOf(p));
        }
        ReferenceAdamW oracle{1e-2, 0.9, 0.999, 1e-8, 0.01, {}, {}, {}};
        FusedAdamW fused(parameters, torch::optim::AdamWOptions(1e-2).weight_decay(0.01));
        for (int step = 0; step < 8; ++step) {
            setGradients(parameters, step);
            std::vector<std::vector<double>> grads;
            std::vector<bool> has;
            for (const auto& p : parameters) {
                has.push_back(p.grad().defined());
                grads.push_back(has.back() ? valuesOf(p.grad()) : std::vector<double>());
            }
            oracle.step(reference, grads, has);
            fused.step();
        }
        double worst = 0;
        for (size_t i = 0; i < parameters.size(); ++i) {
            const auto got = valuesOf(parameters[i]);
            for (size_t j = 0; j < got.size(); ++j) {
                worst = std::max(worst, std::abs(got[j] - reference[i][j]));
            }
        }
        QVERIFY2(worst < 1e-5, qPrintable(QString::number(worst)));
    }

    void stateSurvivesSaveAndLoadIntoEitherOptimizer() {
        auto parameters = makeParameters(torch::kFloat);
        const auto options = torch::optim::AdamWOptions(1e-2).weight_decay(0.01);
        FusedAdamW fused(parameters, options);
        for (int step = 0; step < 3; ++step) {
            setGradients(parameters, step);
            fused.step();
        }
        std::ostringstream bytes;
        {
            torch::serialize::OutputArchive archive;
            fused.save(archive);
            archive.save_to(bytes);
        }
        // Continue three ways: the same optimizer, a fresh FusedAdamW and a plain AdamW, both
        // loaded from the archive.
        auto resumedFused = cloneParameters(parameters);
        auto resumedPlain = cloneParameters(parameters);
        FusedAdamW loadedFused(resumedFused, options);
        torch::optim::AdamW loadedPlain(resumedPlain, options);
        for (auto* optimizer : std::vector<torch::optim::Optimizer*>{&loadedFused, &loadedPlain}) {
            std::istringstream in(bytes.str());
            torch::serialize::InputArchive archive;
            archive.load_from(in);
            optimizer->load(archive);
        }
        for (int step = 3; step < 7; ++step) {
            setGradients(parameters, step);
            setGradients(resumedFused, step);
            setGradients(resumedPlain, step);
            fused.step();
            loadedFused.step();
            loadedPlain.step();
        }
        QCOMPARE(maxDifference(parameters, resumedFused), 0.0);
        const double difference = maxDifference(parameters, resumedPlain);
        QVERIFY2(difference < 2e-6, qPrintable(QString::number(difference)));
    }

    void otherTensorsTakeAdamWsOwnStep() {
        // float64 is outside the fused kernel's cases here: the result must still be AdamW's.
        auto fusedParameters = makeParameters(torch::kDouble);
        auto plainParameters = cloneParameters(fusedParameters);
        FusedAdamW fused(fusedParameters, torch::optim::AdamWOptions(1e-2));
        torch::optim::AdamW plain(plainParameters, torch::optim::AdamWOptions(1e-2));
        for (int step = 0; step < 4; ++step) {
            setGradients(fusedParameters, step);
            setGradients(plainParameters, step);
            QVERIFY(!callsFusedKernel([&] { fused.step(); }));
            plain.step();
        }
        QCOMPARE(maxDifference(fusedParameters, plainParameters), 0.0);
    }
};

QTEST_GUILESS_MAIN(FusedAdamWTest)
#include "test_fused_adamw.moc"
