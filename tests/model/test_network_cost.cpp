#include <QtTest>

#include <torch/torch.h>

#include "analysis/NetworkCost.h"
#include "blocks/CountedConv.h"
#include "registry/ModelRegistry.h"

using namespace logonet::model;

namespace {

NetworkOptions paperOptions() {
    NetworkOptions options;
    options.inChannels = 1;
    options.outChannels = 14;
    return options;
}

// Sum of every convolution's recorded cost after one real forward pass.
int64_t recordedMacs(NetworkImpl& network) {
    int64_t macs = 0;
    for (const auto& module : network.modules(false)) {
        if (const auto* counting = dynamic_cast<const MacCounting*>(module.get())) {
            macs += counting->lastMacs();
        }
    }
    return macs;
}

}  // namespace

// Parameter parts, measured convolution cost (against the paper and against a real run at the
// full size) and the training-step memory measurement.
class TestNetworkCost : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void convolutionLayersRecordTheirCost() {
        Conv3dLayer conv(torch::nn::Conv3dOptions(3, 5, 3).stride(2).padding(1));
        conv(torch::zeros({2, 3, 8, 6, 4}));
        // Output 4x3x2 voxels, 5 outputs, 3 inputs, 27 taps (per sample).
        QCOMPARE(conv->lastMacs(), int64_t(4 * 3 * 2 * 5 * 3 * 27));
        ConvTranspose3dLayer up(torch::nn::ConvTranspose3dOptions(4, 2, 2).stride(2));
        up(torch::zeros({1, 4, 3, 3, 3}));
        QCOMPARE(up->lastMacs(), int64_t(27 * 4 * 2 * 8));
    }

    void logonetCostMatchesThePaper() {
        const Network network = createNetwork("logonet", paperOptions());
        const double macs = static_cast<double>(measureConvolutionMacs(*network, {96, 96, 96}));
        QVERIFY2(std::abs(macs / 245.8e9 - 1.0) < 0.005, std::to_string(macs).c_str());
    }

    void scaledCostEqualsARealRun() {
        NetworkOptions options;
        options.outChannels = 3;
        for (const std::string name : {"logonet-tiny", "unet"}) {
            const Network network = createNetwork(name, options);
            const int64_t n = network->sizeDivisor();
            const std::vector<int64_t> roi{2 * n, n, 3 * n};
            const int64_t scaled = measureConvolutionMacs(*network, roi);
            network->eval();
            torch::NoGradGuard noGrad;
            network->forward(torch::zeros({1, 1, roi[0], roi[1], roi[2]}));
            QCOMPARE(scaled, recordedMacs(*network));
            QVERIFY(scaled > 0);
        }
    }

    void invalidCropIsRejected() {
        const Network network = createNetwork("logonet-tiny", paperOptions());
        bool thrown = false;
        try {
            measureConvolutionMacs(*network, {96, 96, 80});
        } catch (const std::invalid_argument& error) {
            thrown = QString(error.what()).contains("96x96x80");
        }
        QVERIFY(thrown);
    }

    void partsAddUpToTheTotal() {
        const Network network = createNetwork("logonet-tiny", paperOptions());
        const auto parts = parameterParts(*network);
        QStringList names;
        int64_t sum = 0;
        for (const auto& part : parts) {
            names << QString::fromStdString(part.name);
            sum += part.parameters;
        }
        QCOMPARE(names, (QStringList{"global.encoder", "global.decoder", "local", "head"}));
        QCOMPARE(sum, countParameters(*network));
    }

    void trainingStepMemoryIsMeasured() {
        NetworkOptions options;
        options.outChannels = 2;
        const Network network = createNetwork("unet", options);
        const int64_t bytes = measureTrainingStepMemory(*network, {32, 32, 32});
        // At least the first level's activations: 32 channels of 32^3 floats.
        QVERIFY2(bytes > 32 * 32 * 32 * 32 * 4, std::to_string(bytes).c_str());
        QVERIFY(network->is_training());
    }
};

QTEST_APPLESS_MAIN(TestNetworkCost)
#include "test_network_cost.moc"
