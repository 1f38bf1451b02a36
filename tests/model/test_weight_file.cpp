#include <QtTest>

#include <QTemporaryDir>

#include <torch/torch.h>

#include <fstream>

#include "registry/ModelRegistry.h"
#include "weights/WeightFile.h"

using namespace logonet::model;

namespace {

NetworkOptions options(int64_t out) {
    NetworkOptions result;
    result.inChannels = 1;
    result.outChannels = out;
    result.roi = {32, 32, 32};
    return result;
}

QString errorOf(const std::function<void()>& call) {
    try {
        call();
    } catch (const std::exception& error) {
        return QString::fromStdString(error.what());
    }
    return QString();
}

bool contains(const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

// Weight files: bit-exact round trip, metadata, refusal of the wrong architecture, partial
// loading with its report.
class TestWeightFile : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void roundTripReproducesOutputsBitForBit() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("tiny.pt").toStdString();
        torch::manual_seed(21);
        const Network original = createNetwork("logonet-tiny", options(3));
        // Train-mode steps move the batch-norm buffers away from their initial values.
        original->train();
        {
            torch::NoGradGuard noGrad;
            original->forward(torch::randn({2, 1, 32, 32, 32}));
        }
        original->eval();
        saveWeights(*original, path);

        const WeightMetadata metadata = readWeightMetadata(path);
        QCOMPARE(metadata.architecture, std::string("logonet-tiny"));
        QCOMPARE(metadata.options.outChannels, int64_t(3));
        QCOMPARE(metadata.options.roi, (std::vector<int64_t>{32, 32, 32}));

        torch::manual_seed(99);
        const Network copy = createNetwork("logonet-tiny", options(3));
        loadWeights(*copy, path);
        copy->eval();
        const Network built = loadNetwork(path);
        built->eval();
        torch::NoGradGuard noGrad;
        const torch::Tensor input = torch::randn({1, 1, 32, 32, 32});
        const torch::Tensor expected = original->forward(input);
        QVERIFY(torch::equal(copy->forward(input), expected));
        QVERIFY(torch::equal(built->forward(input), expected));
    }

    void wrongArchitectureOrChannelsFailNamingBoth() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("tiny.pt").toStdString();
        saveWeights(*createNetwork("logonet-tiny", options(3)), path);
        const Network unet = createNetwork("unet", options(3));
        const QString wrongArchitecture = errorOf([&] { loadWeights(*unet, path); });
        QVERIFY2(wrongArchitecture.contains("logonet-tiny") && wrongArchitecture.contains("unet") &&
                     wrongArchitecture.contains("tiny.pt"),
                 qPrintable(wrongArchitecture));
        const Network fiveClasses = createNetwork("logonet-tiny", options(5));
        const QString wrongChannels = errorOf([&] { loadWeights(*fiveClasses, path); });
        QVERIFY2(wrongChannels.contains("out 3") && wrongChannels.contains("out 5"),
                 qPrintable(wrongChannels));
    }

    void brokenFilesAreReportedByName() {
        QTemporaryDir dir;
        const std::string missing = dir.filePath("missing.pt").toStdString();
        const Network network = createNetwork("logonet-tiny", options(3));
        QVERIFY(errorOf([&] { loadWeights(*network, missing); }).contains("missing.pt"));
        const std::string garbage = dir.filePath("garbage.pt").toStdString();
        std::ofstream(garbage) << "not a weight file";
        const QString error = errorOf([&] { readWeightMetadata(garbage); });
        QVERIFY2(error.contains("garbage.pt") && error.contains("not a LoGoNet weight file"),
                 qPrintable(error));
    }

    void partialLoadingReportsEveryTensor() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("pretrained.pt").toStdString();
        torch::manual_seed(4);
        const Network pretrained = createNetwork("logonet-tiny", options(3));
        saveWeights(*pretrained, path);
        // Fine-tuning model: other class count (head shapes differ), head excluded by prefix.
        torch::manual_seed(5);
        const Network finetune = createNetwork("logonet-tiny", options(6));
        const LoadReport report = loadMatching(*finetune, path, {"head."});
        QVERIFY(!report.loaded.empty());
        QVERIFY(contains(report.loaded, "global.encoder.stages.0.embedding.conv.weight"));
        QVERIFY(contains(report.loaded, "local.7.encoder.stages.1.norm.weight"));
        QVERIFY(contains(report.initialised, "head.conv1.weight"));
        QVERIFY(contains(report.skipped, "head.conv1.weight (excluded)"));
        // The decoders' last units have out channels: shape mismatch, skipped and initialised.
        QVERIFY(contains(report.initialised, "global.decoder.out2.conv.weight"));
        const auto pretrainedTensors = pretrained->named_parameters();
        const auto finetuneTensors = finetune->named_parameters();
        for (const auto& name : report.loaded) {
            if (pretrainedTensors.contains(name)) {
                QVERIFY2(torch::equal(pretrainedTensors[name], finetuneTensors[name]),
                         name.c_str());
            }
        }
        const size_t total = finetune->named_parameters().size() + finetune->named_buffers().size();
        QCOMPARE(report.loaded.size() + report.initialised.size(), total);
        QVERIFY(QString::fromStdString(report.summary()).contains("loaded"));
    }
};

QTEST_GUILESS_MAIN(TestWeightFile)
#include "test_weight_file.moc"
