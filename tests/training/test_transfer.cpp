#include <QtTest/QtTest>

#include <map>
#include <string>

#include "finetune/FineTuneConfig.h"
#include "finetune/PretrainedInit.h"
#include "finetune/TransferScope.h"
#include "registry/ModelRegistry.h"
#include "run/Checkpoint.h"

using namespace logonet;
using namespace logonet::training;

namespace {

bool isEncoderTensor(const std::string& name) {
    return name.find(".encoder.") != std::string::npos;
}

// Every parameter and buffer of a network by name (clones: later loads must not alias them).
std::map<std::string, torch::Tensor> stateOf(model::NetworkImpl& network) {
    std::map<std::string, torch::Tensor> state;
    for (const auto& item : network.named_parameters(true)) {
        state[item.key()] = item.value().detach().clone();
    }
    for (const auto& item : network.named_buffers(true)) {
        state[item.key()] = item.value().detach().clone();
    }
    return state;
}

model::NetworkOptions tinyOptions() {
    model::NetworkOptions options;
    options.outChannels = 3;
    options.roi = {32, 32, 32};
    return options;
}

}  // namespace

// What of a pre-trained network starts a fine-tuning run (`train --init-scope`).
class TransferTest : public QObject {
    Q_OBJECT
  private:
    QTemporaryDir dir_;
    std::string checkpoint_;
    std::map<std::string, torch::Tensor> pretrained_;

  private Q_SLOTS:
    void initTestCase() {
        // A "pre-trained" logonet-tiny whose every tensor differs from any fresh network's.
        torch::manual_seed(11);
        auto network = model::createNetwork("logonet-tiny", tinyOptions());
        {
            torch::NoGradGuard noGrad;
            for (auto& p : network->parameters()) {
                p.add_(0.5);
            }
            for (auto& b : network->buffers()) {
                b.add_(3);
            }
        }
        pretrained_ = stateOf(*network);
        checkpoint_ = dir_.filePath("pretrained.pt").toStdString();
        CheckpointInfo info;
        info.architecture = network->architecture();
        info.networkOptions = network->options();
        saveCheckpoint(checkpoint_, *network, nullptr, info);
    }

    // Encoders: every encoder tensor of both branches from the file, and the decoders and the
    // segmentation head exactly as a run from scratch with the same seed starts them.
    void encodersScopeLeavesDecodersAndHeadAsFromScratch() {
        torch::manual_seed(5);
        auto scratch = model::createNetwork("logonet-tiny", tinyOptions());
        const auto fresh = stateOf(*scratch);
        torch::manual_seed(5);
        auto network = model::createNetwork("logonet-tiny", tinyOptions());
        const PartialLoadReport report = loadWeightsPartially(
            checkpoint_, *network,
            [](const std::string& name) { return transfersTensor(TransferScope::Encoders, name); });
        const auto state = stateOf(*network);
        int64_t encoders = 0, others = 0, localEncoders = 0;
        for (const auto& [name, tensor] : state) {
            if (isEncoderTensor(name)) {
                ++encoders;
                localEncoders += name.rfind("local.", 0) == 0 ? 1 : 0;
                QVERIFY2(torch::equal(tensor, pretrained_.at(name)), name.c_str());
            } else {
                ++others;
                QVERIFY2(torch::equal(tensor, fresh.at(name)), name.c_str());
                QVERIFY2(!torch::equal(tensor, pretrained_.at(name)), name.c_str());
            }
        }
        QVERIFY(localEncoders > 0 && encoders > localEncoders);  // the global branch's too
        QCOMPARE(static_cast<int64_t>(report.loaded.size()), encoders);
        QCOMPARE(static_cast<int64_t>(report.excluded.size()), others);
        QVERIFY(report.skipped.empty());
        QVERIFY(report.missing.empty());
        QVERIFY2(report.summary().find(", excluded " + std::to_string(others)) != std::string::npos,
                 report.summary().c_str());
    }

    // Branches: everything the file has of the same shape, as the spec's transfer.
    void branchesScopeLoadsEveryTensor() {
        auto network = model::createNetwork("logonet-tiny", tinyOptions());
        const PartialLoadReport report = loadWeightsPartially(
            checkpoint_, *network,
            [](const std::string& name) { return transfersTensor(TransferScope::Branches, name); });
        QCOMPARE(report.loaded.size(), pretrained_.size());
        QVERIFY(report.excluded.empty());
        for (const auto& [name, tensor] : stateOf(*network)) {
            QVERIFY2(torch::equal(tensor, pretrained_.at(name)), name.c_str());
        }
        QCOMPARE(report.summary().find("excluded"), std::string::npos);
    }

    void anInitOfAnotherArchitectureOrShapeIsRefusedNamingBoth() {
        auto messageOf = [&](model::NetworkImpl& network) -> std::string {
            try {
                loadInitialWeights(checkpoint_, network, TransferScope::Branches);
            } catch (const std::runtime_error& error) {
                return error.what();
            }
            return "(accepted)";
        };
        auto unet = model::createNetwork("unet", tinyOptions());
        const std::string architecture = messageOf(*unet);
        QVERIFY2(architecture.find("logonet-tiny") != std::string::npos &&
                     architecture.find("unet") != std::string::npos,
                 architecture.c_str());
        model::NetworkOptions twoChannels = tinyOptions();
        twoChannels.inChannels = 2;  // the first convolutions have other shapes
        auto wider = model::createNetwork("logonet-tiny", twoChannels);
        const std::string shapes = messageOf(*wider);
        QVERIFY2(shapes.find("does not fit") != std::string::npos &&
                     shapes.find("in 1,") != std::string::npos &&
                     shapes.find("in 2,") != std::string::npos,
                 shapes.c_str());
        // Other classes change the decoders' out-channel maps too: refused, both named.
        model::NetworkOptions otherClasses = tinyOptions();
        otherClasses.outChannels = 5;
        auto moreClasses = model::createNetwork("logonet-tiny", otherClasses);
        const std::string classes = messageOf(*moreClasses);
        QVERIFY2(classes.find("out 3,") != std::string::npos &&
                     classes.find("out 5,") != std::string::npos,
                 classes.c_str());
        // The same network loads every tensor, and the stored report lists them by name.
        auto network = model::createNetwork("logonet-tiny", tinyOptions());
        const PartialLoadReport report =
            loadInitialWeights(checkpoint_, *network, TransferScope::Branches);
        QCOMPARE(report.loaded.size(), pretrained_.size());
        QVERIFY(report.skipped.empty());
        const Json stored = initReportJson(checkpoint_, TransferScope::Branches, report);
        QCOMPARE(stored.at("loaded").asArray().size(), report.loaded.size());
        QCOMPARE(stored.at("scope").asString(), std::string("branches"));
    }

    void scopeNamesAndTheRunConfig() {
        QCOMPARE(parseTransferScope("encoders"), TransferScope::Encoders);
        QCOMPARE(parseTransferScope("branches"), TransferScope::Branches);
        try {
            parseTransferScope("decoders");
            QFAIL("an unknown scope was accepted");
        } catch (const std::invalid_argument& error) {
            QVERIFY2(std::string(error.what()).find("branches or encoders") != std::string::npos,
                     error.what());
        }
        QVERIFY(transfersTensor(TransferScope::Encoders, "local.7.encoder.stages.1.norm.weight"));
        QVERIFY(!transfersTensor(TransferScope::Encoders, "global.decoder.out2.conv.weight"));
        QVERIFY(!transfersTensor(TransferScope::Encoders, "head.conv1.weight"));

        // The pinned default, the spec's: a pre-training run transfers both branches whole.
        FineTuneConfig config;
        QCOMPARE(config.initScope, TransferScope::Branches);
        config.cacheDirectory = "cache";
        config.initScope = TransferScope::Encoders;
        Json json = config.toJson();
        QCOMPARE(json.at("init_scope").asString(), std::string("encoders"));
        QCOMPARE(FineTuneConfig::fromJson(json).initScope, TransferScope::Encoders);
        // A config written before the option existed gets the default.
        json.asObject().erase("init_scope");
        QCOMPARE(FineTuneConfig::fromJson(json).initScope, TransferScope::Branches);
        json["init_scope"] = "heads";
        try {
            FineTuneConfig::fromJson(json);
            QFAIL("a config with an unknown scope was read");
        } catch (const JsonError& error) {
            QVERIFY2(std::string(error.what()).find("init_scope") != std::string::npos,
                     error.what());
        }
    }
};

QTEST_GUILESS_MAIN(TransferTest)
#include "test_transfer.moc"
