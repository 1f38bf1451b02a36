#include <QtTest/QtTest>

#include <cmath>
#include <set>

#include "heads/PretrainHead.h"
#include "pretrain/PretrainLoss.h"
#include "pretrain/Pretrainer.h"
#include "registry/ModelRegistry.h"
#include "run/Checkpoint.h"

using namespace logonet;
using namespace logonet::training;

namespace {

// A stand-in network small enough to train in a test: two convolutions.
class TinyNetworkImpl : public model::NetworkImpl {
  public:
    explicit TinyNetworkImpl(model::NetworkOptions options) : options_(options) {
        first = register_module(
            "first",
            torch::nn::Conv3d(torch::nn::Conv3dOptions(options.inChannels, 8, 3).padding(1)));
        head = register_module(
            "head", torch::nn::Conv3d(torch::nn::Conv3dOptions(8, options.outChannels, 1)));
    }
    torch::Tensor forward(const torch::Tensor& x) override {
        lastInput = x.detach().clone();
        return head->forward(torch::relu(first->forward(x)));
    }
    std::string architecture() const override { return "tiny-test"; }
    model::NetworkOptions options() const override { return options_; }
    int64_t sizeDivisor() const override { return 1; }

    torch::nn::Conv3d first{nullptr}, head{nullptr};
    torch::Tensor lastInput;  // what the last forward() was given

  private:
    model::NetworkOptions options_;
};

bool startsWith(const std::string& text, const std::string& prefix) {
    return text.rfind(prefix, 0) == 0;
}

}  // namespace

class PretrainTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void headOutputShape() {
        model::PretrainHeadOptions options;
        options.inChannels = 4;
        options.clusterers = 3;
        options.clusters = 7;
        options.crop = {32, 16, 8};
        model::PretrainHead head(options);
        const auto logits = head->forward(torch::randn({2, 4, 32, 16, 8}));
        QCOMPARE(logits.sizes(), (torch::IntArrayRef{2, 8, 3, 7}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 head->forward(torch::randn({2, 4, 16, 16, 8})));
        // X / 16 = 2 channels in the squeeze of step 3.
        const auto params = head->named_parameters();
        QCOMPARE(params["columns_in.conv.weight"].sizes(), (torch::IntArrayRef{2, 32, 1, 1, 1}));
        QCOMPARE(params["rows_in.conv.weight"].sizes(), (torch::IntArrayRef{7, 16, 1, 1, 1}));
        QCOMPARE(params["slices_mix.conv.weight"].sizes(), (torch::IntArrayRef{8, 8, 3, 3, 3}));
    }

    void lossByHand() {
        // One slice, one clusterer, K = 2, tau = 0.5: softmax([1, 0] / 0.5) against label 0.
        const PretrainLoss loss({2}, 0.5);
        const auto logits = torch::tensor({1.0f, 0.0f}).view({1, 1, 1, 2});
        const auto labels = torch::zeros({1, 1, 1}, torch::kInt64);
        const auto masked = torch::ones({1, 1}, torch::kBool);
        const double expected = -std::log(std::exp(2.0) / (std::exp(2.0) + 1.0));
        QVERIFY(std::abs(loss(logits, labels, masked).item<double>() - expected) < 1e-6);
    }

    void lossLooksOnlyAtMaskedSlicesAndFirstKiLogits() {
        // Two clusterers with K = 5 and K = 3 in a head of K = 5.
        const PretrainLoss loss({5, 3}, 0.1);
        torch::manual_seed(1);
        auto logits = torch::randn({2, 6, 2, 5}, torch::requires_grad());
        auto labels = torch::randint(0, 3, {2, 6, 2}, torch::kInt64);
        auto masked = torch::zeros({2, 6}, torch::kBool);
        masked[0][1] = true;
        masked[0][2] = true;
        masked[1][5] = true;
        const auto value = loss(logits, labels, masked);
        value.backward();
        const auto gradient = logits.grad().abs().sum({2, 3});  // (B, Z)
        QVERIFY((gradient.masked_select(~masked) == 0).all().item<bool>());
        QVERIFY((gradient.masked_select(masked) > 0).all().item<bool>());
        // Logits 3 and 4 of the K = 3 clusterer are not part of its softmax.
        QVERIFY((logits.grad().select(2, 1).slice(2, 3, 5) == 0).all().item<bool>());
        auto changed = logits.detach().clone();
        changed.select(2, 1).slice(2, 3, 5).fill_(50.0);
        changed[1][0].fill_(-30.0);  // an unmasked slice
        QVERIFY(std::abs(loss(changed, labels, masked).item<double>() - value.item<double>()) <
                1e-4);
        // Averaged over the 3 masked slices, summed over the 2 clusterers.
        const auto logProbabilities0 = torch::log_softmax(logits.detach()[0][1][0] / 0.1, 0);
        const auto logProbabilities1 =
            torch::log_softmax(logits.detach()[0][1][1].slice(0, 0, 3) / 0.1, 0);
        const double slice01 = -logProbabilities0[labels[0][1][0].item<int64_t>()].item<double>() -
                               logProbabilities1[labels[0][1][1].item<int64_t>()].item<double>();
        auto single = torch::zeros({2, 6}, torch::kBool);
        single[0][1] = true;
        QVERIFY(std::abs(loss(logits.detach(), labels, single).item<double>() - slice01) < 1e-3);
        QCOMPARE(loss(logits.detach(), labels, torch::zeros({2, 6}, torch::kBool)).item<double>(),
                 0.0);
    }

    void firstLossIsThatOfAUniformGuess() {
        // The head's last layer starts with equal logits: softmax(logits / tau) is uniform, so
        // the loss is the sum over clusterers of log K_i (an untouched head gave 13 against 7.5).
        torch::manual_seed(4);
        model::NetworkOptions networkOptions;
        networkOptions.outChannels = 3;
        networkOptions.roi = {16, 16, 16};
        PretrainerOptions options;
        options.clusterSizes = {7, 5, 3};
        Pretrainer pretrainer(std::make_shared<TinyNetworkImpl>(networkOptions), options);
        const auto crops = torch::rand({2, 1, 16, 16, 16});
        const auto labels = torch::randint(0, 3, {2, 16, 3}, torch::kInt64);
        const double expected = std::log(7.0) + std::log(5.0) + std::log(3.0);
        const double first =
            pretrainer.loss(crops, labels, pretrainer.maskFor(crops, /*stepIndex=*/0));
        QVERIFY2(std::abs(first - expected) < 1e-4,
                 qPrintable(QString("%1, expected %2").arg(first).arg(expected)));
        // The training step's loss (batch statistics) starts there too, and gradients flow.
        QVERIFY(std::abs(pretrainer.step(crops, labels, 0) - expected) < 1e-4);
        const auto after =
            pretrainer.loss(crops, labels, pretrainer.maskFor(crops, /*stepIndex=*/0));
        QVERIFY2(after != first, "the first step changed nothing");
    }

    void masksDependOnTheStepAlone() {
        // A resumed run must mask step k as an uninterrupted one does: the same step index gives
        // the same masks whatever came before, other steps other masks.
        model::NetworkOptions networkOptions;
        networkOptions.roi = {16, 16, 16};
        PretrainerOptions options;
        options.clusterSizes = {3};
        options.seed = 12;
        Pretrainer a(std::make_shared<TinyNetworkImpl>(networkOptions), options);
        Pretrainer b(std::make_shared<TinyNetworkImpl>(networkOptions), options);
        const auto crops = torch::rand({1, 1, 16, 16, 16}) + 0.5;
        a.maskFor(crops, 0);
        a.maskFor(crops, 1);
        QVERIFY(torch::equal(a.maskFor(crops, 5).input, b.maskFor(crops, 5).input));
        QVERIFY(!torch::equal(a.maskFor(crops, 5).input, b.maskFor(crops, 6).input));
        QCOMPARE(stepSeed(12, 0), uint64_t{12});
    }

    void lossDecreasesOnASmallCase_data() {
        QTest::addColumn<bool>("amp");
        QTest::newRow("float32") << false;
        QTest::newRow("amp (bfloat16 autocast on the CPU)") << true;
    }
    void lossDecreasesOnASmallCase() {
        QFETCH(bool, amp);
        torch::manual_seed(3);
        model::NetworkOptions networkOptions;
        networkOptions.outChannels = 4;
        networkOptions.roi = {16, 16, 16};
        auto network = std::make_shared<TinyNetworkImpl>(networkOptions);
        PretrainerOptions options;
        options.clusterSizes = {4, 3};
        options.learningRate = 1e-3;
        options.warmupSteps = 2;
        options.totalSteps = 80;
        options.masking.phi1 = 0.2;
        options.amp = amp;
        Pretrainer pretrainer(network, options);
        // Pseudo-labels that depend on the slice: something a network can learn.
        const auto crops = torch::rand({2, 1, 16, 16, 16});
        const auto slice = torch::arange(16, torch::kInt64);
        const auto labels = torch::stack({slice % 4, torch::div(slice, 6, "floor") % 3}, 1)
                                .unsqueeze(0)
                                .repeat({2, 1, 1});
        // Training losses (fresh masks every step): the last steps must beat the first ones.
        std::vector<double> losses;
        for (int64_t step = 0; step < 80; ++step) {
            const double value = pretrainer.step(crops, labels, step);
            if (std::isfinite(value)) {
                losses.push_back(value);
            }
        }
        QVERIFY(losses.size() >= 60);
        double first = 0.0;
        double last = 0.0;
        for (size_t i = 0; i < 5; ++i) {
            first += losses[i] / 5.0;
            last += losses[losses.size() - 1 - i] / 5.0;
        }
        // Printed in full precision: two runs of this program must print the same numbers.
        qInfo("losses %.9g -> %.9g", first, last);
        QVERIFY2(last < 0.8 * first, qPrintable(QString("%1 -> %2").arg(first).arg(last)));
        for (const auto& p : pretrainer.head()->named_buffers()) {
            QVERIFY2(torch::isfinite(p.value()).all().item<bool>(), p.key().c_str());
        }
    }

    void networkSeesCropsInTheFineTuningLayout() {
        // Fine-tuning feeds the network (B, 1, Z, Y, X) (CropSampler); pre-training crops are
        // (B, 1, X, Y, Z). The network must get them reversed, or every transferred kernel would
        // meet its axes swapped in fine-tuning. X, Y, Z differ here so that a swap cannot hide.
        model::NetworkOptions networkOptions;
        networkOptions.outChannels = 2;
        networkOptions.roi = {12, 10, 8};  // (Z, Y, X), as fine-tuning builds it
        for (const SliceAxis axis : {SliceAxis::Axial, SliceAxis::Coronal, SliceAxis::Sagittal}) {
            auto network = std::make_shared<TinyNetworkImpl>(networkOptions);
            PretrainerOptions options;
            options.clusterSizes = {3, 2};
            options.mask = false;
            options.masking.axis = axis;
            Pretrainer pretrainer(network, options);
            const auto crops = torch::rand({2, 1, 8, 10, 12});  // X = 8, Y = 10, Z = 12
            const int64_t slices = crops.size(2 + static_cast<int64_t>(axis));
            const double loss =
                pretrainer.step(crops, torch::randint(0, 2, {2, slices, 2}, torch::kInt64), 0);
            QVERIFY(std::isfinite(loss));
            QCOMPARE(network->lastInput.sizes().vec(), (std::vector<int64_t>{2, 1, 12, 10, 8}));
            QVERIFY(torch::equal(network->lastInput, crops.permute({0, 1, 4, 3, 2})));
        }
    }

    void transferLoadsEveryBranchTensorAndNoHeadTensor() {
        model::NetworkOptions networkOptions;
        networkOptions.outChannels = 3;
        networkOptions.roi = {32, 32, 32};
        auto pretrainNetwork = model::createNetwork("logonet-tiny", networkOptions);
        PretrainerOptions options;
        options.clusterSizes = {5, 4};
        Pretrainer pretrainer(pretrainNetwork, options);
        // Batch 2: at 32^3 the deepest stage is 1^3, and batch norm needs two values.
        pretrainer.step(torch::rand({2, 1, 32, 32, 32}),
                        torch::randint(0, 4, {2, 32, 2}, torch::kInt64), 0);
        QTemporaryDir folder;
        const std::string path = folder.filePath("last.pt").toStdString();
        pretrainer.saveNetwork(path, 1);

        auto fineTune = model::createNetwork("logonet-tiny", networkOptions);
        const PartialLoadReport report = loadWeightsPartially(path, *fineTune);
        const std::set<std::string> loaded(report.loaded.begin(), report.loaded.end());
        int64_t branchTensors = 0;
        auto check = [&](const std::string& name, const torch::Tensor& tensor) {
            if (startsWith(name, "head.")) {
                QVERIFY2(loaded.count(name) == 0, name.c_str());
            } else {
                ++branchTensors;
                QVERIFY2(loaded.count(name) == 1, name.c_str());
                QVERIFY(torch::equal(tensor, pretrainNetwork->named_parameters(true).contains(name)
                                                 ? pretrainNetwork->named_parameters(true)[name]
                                                 : pretrainNetwork->named_buffers(true)[name]));
            }
        };
        for (const auto& item : fineTune->named_parameters(true)) {
            check(item.key(), item.value());
        }
        for (const auto& item : fineTune->named_buffers(true)) {
            check(item.key(), item.value());
        }
        QVERIFY(branchTensors > 100);
        QCOMPARE(static_cast<int64_t>(loaded.size()), branchTensors);
        QVERIFY(report.skipped.empty());  // nothing of the pre-training head was in the file
        QVERIFY(!report.missing.empty());
        for (const auto& name : report.missing) {
            QVERIFY2(startsWith(name, "head."), name.c_str());
        }

        // The resume state brings back the pre-training head and the optimiser.
        const std::string state = folder.filePath("state.pt").toStdString();
        pretrainer.saveState(state);
        Pretrainer resumed(model::createNetwork("logonet-tiny", networkOptions), options);
        resumed.loadState(state);
        const auto a = pretrainer.head()->named_parameters();
        const auto b = resumed.head()->named_parameters();
        for (const auto& item : a) {
            QVERIFY(torch::equal(item.value(), b[item.key()]));
        }
    }
};

QTEST_GUILESS_MAIN(PretrainTest)
#include "test_pretrain.moc"
