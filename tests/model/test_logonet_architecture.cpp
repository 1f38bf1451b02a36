#include <QtTest>

#include <torch/torch.h>

#include "blocks/EncoderBlock.h"
#include "logonet/LoGoNet.h"
#include "logonet/SubCubes.h"
#include "registry/ModelRegistry.h"

using namespace logonet::model;

namespace {

int64_t parameterCount(const torch::nn::Module& module) {
    int64_t count = 0;
    for (const auto& parameter : module.parameters()) {
        count += parameter.numel();
    }
    return count;
}

// Parameters whose name starts with `prefix`.
int64_t parameterCount(const torch::nn::Module& module, const std::string& prefix) {
    int64_t count = 0;
    for (const auto& item : module.named_parameters()) {
        if (item.key().rfind(prefix, 0) == 0) {
            count += item.value().numel();
        }
    }
    return count;
}

NetworkOptions paperOptions() {
    NetworkOptions options;
    options.inChannels = 1;
    options.outChannels = 14;
    return options;
}

QString errorOf(const std::function<void()>& call) {
    try {
        call();
    } catch (const std::invalid_argument& error) {
        return QString::fromStdString(error.what());
    }
    return QString();
}

}  // namespace

// The architectures' sizes against LOGONET_SPEC section 5, their output shapes, their input
// checks and the local branch's split/merge. Full-size networks are only constructed, never run.
class TestLoGoNetArchitecture : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void encoderBlockHasTheSpecifiedSize() {
        EncoderBlock block(EncoderBlockOptions(64, 8));
        QCOMPARE(parameterCount(*block), int64_t(123520));
        QCOMPARE(block->layerScale1.min().item<float>(), 1e-2f);
        QCOMPARE(block->layerScale2.max().item<float>(), 1e-2f);
    }

    void logonetMatchesThePaperExactly() {
        const Network network = createNetwork("logonet", paperOptions());
        QCOMPARE(parameterCount(*network), int64_t(67579560));
        QCOMPARE(parameterCount(*network, "global.encoder."), int64_t(21466112));
        QCOMPARE(parameterCount(*network, "global.decoder."), int64_t(18879744));
        QCOMPARE(parameterCount(*network, "head."), int64_t(5544));
        QCOMPARE(parameterCount(*network, "local."), int64_t(8 * 3403520));
        for (int i = 0; i < 8; ++i) {
            const std::string local = "local." + std::to_string(i) + ".";
            QCOMPARE(parameterCount(*network, local + "encoder."), int64_t(2225408));
            QCOMPARE(parameterCount(*network, local + "decoder."), int64_t(1178112));
        }
        QCOMPARE(network->sizeDivisor(), int64_t(32));
        QCOMPARE(network->architecture(), std::string("logonet"));
    }

    void ulkanetAndLargeAreWithinHalfAPercent() {
        const double ulkanet = parameterCount(*createNetwork("ulkanet", paperOptions()));
        QVERIFY2(std::abs(ulkanet / 40.2e6 - 1.0) < 0.005, std::to_string(ulkanet).c_str());
        const double large = parameterCount(*createNetwork("logonet-large", paperOptions()));
        QVERIFY2(std::abs(large / 172.5e6 - 1.0) < 0.005, std::to_string(large).c_str());
    }

    void unetBaselineIsOfComparableSize() {
        const double unet = parameterCount(*createNetwork("unet", paperOptions()));
        QVERIFY2(unet > 20e6 && unet < 80e6, std::to_string(unet).c_str());
    }

    void weightNamesArePrefixedByBranch() {
        const Network network = createNetwork("logonet-tiny", paperOptions());
        bool sawLocal7 = false;
        for (const auto& item : network->named_parameters()) {
            const std::string& name = item.key();
            QVERIFY2(name.rfind("global.", 0) == 0 || name.rfind("local.", 0) == 0 ||
                         name.rfind("head.", 0) == 0,
                     name.c_str());
            sawLocal7 = sawLocal7 || name.rfind("local.7.encoder.", 0) == 0;
        }
        QVERIFY(sawLocal7);
    }

    void outputShapesForValidSizes() {
        torch::manual_seed(1);
        NetworkOptions options;
        options.inChannels = 2;
        options.outChannels = 3;
        for (const std::string name : {"logonet-tiny", "unet"}) {
            const Network network = createNetwork(name, options);
            network->eval();
            torch::NoGradGuard noGrad;
            const int64_t n = network->sizeDivisor();
            for (const auto& size :
                 std::vector<std::vector<int64_t>>{{n, n, n}, {2 * n, n, n}, {n, 2 * n, 3 * n}}) {
                const torch::Tensor input = torch::randn({1, 2, size[0], size[1], size[2]});
                const torch::Tensor output = network->forward(input);
                QCOMPARE(output.sizes().vec(),
                         (std::vector<int64_t>{1, 3, size[0], size[1], size[2]}));
                QVERIFY(torch::isfinite(output).all().item<bool>());
            }
        }
    }

    void invalidInputsGetClearErrors() {
        NetworkOptions options;
        options.inChannels = 1;
        options.outChannels = 2;
        const Network network = createNetwork("logonet-tiny", options);
        network->eval();
        torch::NoGradGuard noGrad;
        const QString size = errorOf([&] {
            network->forward(torch::zeros({1, 1, 96, 96, 80 + 4}));
        });
        QVERIFY2(size.contains("divisible by 32") && size.contains("96x96x84"), qPrintable(size));
        const QString channels = errorOf([&] {
            network->forward(torch::zeros({1, 3, 32, 32, 32}));
        });
        QVERIFY2(channels.contains("1 input channel") && channels.contains("got 3"),
                 qPrintable(channels));
        const QString rank = errorOf([&] { network->forward(torch::zeros({1, 32, 32, 32})); });
        QVERIFY2(rank.contains("5D"), qPrintable(rank));
        const QString unknown = errorOf([&] { createNetwork("swin", options); });
        QVERIFY2(unknown.contains("swin") && unknown.contains("logonet-tiny"), qPrintable(unknown));
        const Network unet = createNetwork("unet", options);
        const QString unetSize = errorOf([&] { unet->forward(torch::zeros({1, 1, 24, 32, 32})); });
        QVERIFY2(unetSize.contains("divisible by 16"), qPrintable(unetSize));
    }

    void splitThenMergeIsTheIdentity() {
        const torch::Tensor volume = torch::randn({2, 3, 8, 6, 10});
        const std::vector<torch::Tensor> cubes = splitIntoSubCubes(volume);
        QCOMPARE(int(cubes.size()), 8);
        QCOMPARE(cubes[0].sizes().vec(), (std::vector<int64_t>{2, 3, 4, 3, 5}));
        // Cube 5 = depth half 1, height half 0, width half 1.
        QVERIFY(torch::equal(cubes[5], volume.slice(2, 4, 8).slice(3, 0, 3).slice(4, 5, 10)));
        QVERIFY(torch::equal(mergeSubCubes(cubes), volume));
        QVERIFY(!errorOf([] { splitIntoSubCubes(torch::zeros({1, 1, 3, 4, 4})); }).isEmpty());
    }

    void localSplitOffLeavesTheGlobalBranch() {
        LoGoNetOptions options;
        options.dims = {8, 16, 32, 64};
        options.depths = {1, 1, 1, 1};
        options.localSplit = false;
        LoGoNetImpl network(options);
        QCOMPARE(int(network.localBranches->size()), 0);
        QCOMPARE(parameterCount(network, "local."), int64_t(0));
    }
};

QTEST_APPLESS_MAIN(TestLoGoNetArchitecture)
#include "test_logonet_architecture.moc"
