#include <QtTest>

#include <torch/torch.h>

#include "registry/ModelRegistry.h"

using namespace logonet::model;

namespace {

NetworkOptions tinyOptions(bool fast) {
    NetworkOptions options;
    options.inChannels = 1;
    options.outChannels = 3;
    options.roi = {32, 32, 32};
    options.fastKernels = fast;
    return options;
}

Network seededNetwork(const std::string& name, bool fast, uint64_t seed) {
    torch::manual_seed(seed);
    return createNetwork(name, tinyOptions(fast));
}

// A convolution bias right before a train-mode batch norm has an exact gradient of zero (the
// norm subtracts the mean): only these may be zero.
bool biasBeforeBatchNorm(const std::string& name) {
    const auto endsWith = [&](const std::string& suffix) {
        return name.size() >= suffix.size() &&
               name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    return endsWith(".conv.bias") || name == "head.conv1.bias";
}

double maxRelativeDifference(const torch::Tensor& a, const torch::Tensor& b) {
    const double scale = std::max(1e-12, b.abs().max().item<double>());
    return (a - b).abs().max().item<double>() / scale;
}

}  // namespace

// One training step of logonet-tiny: every parameter gets a gradient, the fast and the plain
// paths agree in train and eval mode, and seeded initialisation is reproducible.
class TestLoGoNetTraining : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void everyParameterReceivesAGradient() {
        const Network network = seededNetwork("logonet-tiny", true, 3);
        network->train();
        // Batch 2: batch norm in train mode needs more than one value per channel at 1^3.
        const torch::Tensor input = torch::randn({2, 1, 32, 32, 32});
        const torch::Tensor target = torch::randint(0, 3, {2, 32, 32, 32});
        torch::optim::AdamW optimizer(network->parameters(), torch::optim::AdamWOptions(1e-3));
        optimizer.zero_grad();
        const torch::Tensor loss = torch::cross_entropy_loss(network->forward(input), target);
        loss.backward();
        QVERIFY(std::isfinite(loss.item<double>()));
        int checked = 0;
        for (const auto& item : network->named_parameters()) {
            const torch::Tensor& grad = item.value().grad();
            QVERIFY2(grad.defined(), item.key().c_str());
            QVERIFY2(torch::isfinite(grad).all().item<bool>(), item.key().c_str());
            if (biasBeforeBatchNorm(item.key())) {
                QVERIFY2(grad.abs().max().item<double>() < 1e-4, item.key().c_str());
            } else {
                QVERIFY2(grad.abs().sum().item<double>() > 0.0, item.key().c_str());
                ++checked;
            }
        }
        QVERIFY(checked > 100);
        const torch::Tensor before = network->named_parameters()["head.conv2.weight"].clone();
        optimizer.step();
        QVERIFY(!torch::equal(before, network->named_parameters()["head.conv2.weight"]));
    }

    void fastAndPlainPathsAgree() {
        const Network fast = seededNetwork("logonet-tiny", true, 5);
        const Network plain = seededNetwork("logonet-tiny", false, 5);
        // LibTorch's double-precision reference convolutions slow down badly with several threads
        // on a busy machine; the kernel's threading is tested in test_depthwise_conv.
        const int threads = at::get_num_threads();
        at::set_num_threads(1);
        // Double precision: train-mode batch norm over the two values of a 1^3 map (batch 2)
        // amplifies rounding differences far beyond single precision.
        fast->to(torch::kDouble);
        plain->to(torch::kDouble);
        const torch::Tensor input = torch::randn({2, 1, 32, 32, 32}, torch::kDouble);
        // Train mode: values and gradients.
        fast->train();
        plain->train();
        const torch::Tensor a = fast->forward(input);
        const torch::Tensor b = plain->forward(input);
        QVERIFY(maxRelativeDifference(a, b) < 1e-9);
        a.square().mean().backward();
        b.square().mean().backward();
        const auto plainParameters = plain->named_parameters();
        for (const auto& item : fast->named_parameters()) {
            if (biasBeforeBatchNorm(item.key())) {
                continue;  // exact gradient zero: only rounding noise to compare
            }
            const torch::Tensor& reference = plainParameters[item.key()].grad();
            QVERIFY2(maxRelativeDifference(item.value().grad(), reference) < 1e-6,
                     item.key().c_str());
        }
        // Eval mode: batch norm folding on the fast path.
        fast->eval();
        plain->eval();
        torch::NoGradGuard noGrad;
        QVERIFY(maxRelativeDifference(fast->forward(input), plain->forward(input)) < 1e-9);
        at::set_num_threads(threads);
    }

    void seededInitialisationIsReproducible() {
        for (const std::string name : {"logonet-tiny", "unet"}) {
            const Network a = seededNetwork(name, true, 11);
            const Network b = seededNetwork(name, true, 11);
            const Network c = seededNetwork(name, true, 12);
            const auto bParameters = b->named_parameters();
            const auto cParameters = c->named_parameters();
            bool anyDiffers = false;
            for (const auto& item : a->named_parameters()) {
                QVERIFY2(torch::equal(item.value(), bParameters[item.key()]), item.key().c_str());
                anyDiffers = anyDiffers || !torch::equal(item.value(), cParameters[item.key()]);
            }
            QVERIFY(anyDiffers);
        }
    }
};

QTEST_APPLESS_MAIN(TestLoGoNetTraining)
#include "test_logonet_training.moc"
