#include <QtTest>

#include <torch/torch.h>

#include <set>
#include <string>

#include "RelativeDifference.h"
#include "analysis/NetworkCost.h"
#include "logonet/GroupedLayers.h"
#include "logonet/LoGoNet.h"
#include "logonet/SubCubes.h"
#include "network/Autocast.h"

using namespace logonet::model;

namespace {

// logonet-tiny's shape, smaller: two input channels (the stacking must keep each sub-cube's
// channels together) and two blocks in the second local stage.
LoGoNetOptions smallOptions(bool fast) {
    LoGoNetOptions options;
    options.architecture = "logonet-tiny";
    options.inChannels = 2;
    options.outChannels = 3;
    options.dims = {4, 8, 16, 32};
    options.depths = {1, 2, 1, 1};
    options.mlpRatios = {2, 2, 2, 2};
    options.roi = {32, 32, 32};
    options.fast = fast;
    return options;
}

// Random weights and batch-norm statistics far from their initial values, so that a branch
// mixed up with another or a statistic taken from the wrong branch shows.
void randomise(LoGoNetImpl& network, uint64_t seed) {
    torch::manual_seed(seed);
    torch::NoGradGuard noGrad;
    for (auto& item : network.named_parameters()) {
        const std::string& name = item.key();
        torch::Tensor p = item.value();
        if (name.find("layer_scale") != std::string::npos ||
            (name.find("norm") != std::string::npos && name.size() > 7 &&
             name.compare(name.size() - 7, 7, ".weight") == 0 && p.dim() == 1)) {
            p.uniform_(0.5, 1.5);
        } else {
            p.add_(torch::randn_like(p) * 0.05);
        }
    }
    for (auto& item : network.named_buffers()) {
        const std::string& name = item.key();
        if (name.find("running_mean") != std::string::npos) {
            item.value().normal_(0.0, 0.3);
        } else if (name.find("running_var") != std::string::npos) {
            item.value().uniform_(0.5, 2.0);
        } else if (name.find("num_batches_tracked") != std::string::npos) {
            item.value().fill_(3);
        }
    }
}

// Two networks with the same weights and buffers: one runs the local branches one by one (the
// reference), the other grouped.
struct Pair {
    std::shared_ptr<LoGoNetImpl> loop;
    std::shared_ptr<LoGoNetImpl> grouped;
};

Pair makePair(bool fast = true) {
    Pair pair{std::make_shared<LoGoNetImpl>(smallOptions(fast)),
              std::make_shared<LoGoNetImpl>(smallOptions(fast))};
    randomise(*pair.loop, 7);
    torch::NoGradGuard noGrad;
    auto parameters = pair.grouped->named_parameters();
    for (const auto& item : pair.loop->named_parameters()) {
        parameters[item.key()].copy_(item.value());
    }
    auto buffers = pair.grouped->named_buffers();
    for (const auto& item : pair.loop->named_buffers()) {
        buffers[item.key()].copy_(item.value());
    }
    pair.loop->setLocalBranchExecution(LocalBranchExecution::Loop);
    pair.grouped->setLocalBranchExecution(LocalBranchExecution::Grouped);
    return pair;
}

bool startsWith(const std::string& text, const std::string& prefix) {
    return text.compare(0, prefix.size(), prefix) == 0;
}

bool endsWith(const std::string& text, const std::string& suffix) {
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Gradients, running statistics and batch counts. A gradient's difference is measured against
// its own largest value, or against a share of the network's largest gradient where that is
// more: some gradients are zero in theory, where a batch norm removes what the parameter adds
// (the last global stage's LayerNorm bias on a 1^3 map), and others nearly so; both paths give
// rounding noise there. In single precision only the local branches' gradients are compared:
// the global branch's last stage normalises a 1^3 map over a batch of two, which amplifies the
// rounding differences of the sum into the global gradients (measured up to 0.5 %); the
// double-precision run compares every gradient.
void compareGradientsAndBuffers(const LoGoNetImpl& grouped, const LoGoNetImpl& loop,
                                double tolerance, double bufferTolerance) {
    const auto reference = loop.named_parameters();
    double largest = 0;
    for (const auto& item : reference) {
        largest = std::max(largest, item.value().grad().abs().max().item<double>());
    }
    const bool single = grouped.parameters().front().scalar_type() == torch::kFloat;
    const double floor = (single ? 1e-3 : 1e-6) * largest;
    int compared = 0;
    for (const auto& item : grouped.named_parameters()) {
        const torch::Tensor& gradient = item.value().grad();
        const torch::Tensor& expected = reference[item.key()].grad();
        QVERIFY2(gradient.defined() && expected.defined(), item.key().c_str());
        if (single && !startsWith(item.key(), "local.")) {
            continue;
        }
        if (endsWith(item.key(), ".conv.bias") || item.key() == "head.conv1.bias") {
            // Zero in theory: the train-mode norm after the convolution subtracts the mean.
            QVERIFY2(gradient.abs().max().item<double>() < 1e-2 * floor, item.key().c_str());
            continue;
        }
        const double scale = std::max(expected.abs().max().item<double>(), floor);
        const double difference = (gradient - expected).abs().max().item<double>() / scale;
        QVERIFY2(difference < tolerance,
                 (item.key() + ": relative difference " + std::to_string(difference)).c_str());
        ++compared;
    }
    QVERIFY(compared > 300);
    const auto buffers = loop.named_buffers();
    for (const auto& item : grouped.named_buffers()) {
        const torch::Tensor& expected = buffers[item.key()];
        if (item.value().scalar_type() == torch::kLong) {
            QVERIFY2(torch::equal(item.value(), expected), item.key().c_str());
        } else {
            QVERIFY2(maxRelativeDifference(item.value(), expected) < bufferTolerance,
                     item.key().c_str());
        }
    }
}

torch::Tensor lossOf(const torch::Tensor& output, const torch::Tensor& weights) {
    return (output * weights).sum();
}

// `steps` training steps of both networks: outputs, gradients, statistics and counts after each.
void runTrainingSteps(torch::ScalarType type, int steps, double tolerance,
                      double gradientTolerance) {
    Pair pair = makePair();
    pair.loop->to(type);
    pair.grouped->to(type);
    pair.loop->train();
    pair.grouped->train();
    torch::optim::SGD loopOptimizer(pair.loop->parameters(), torch::optim::SGDOptions(1e-3));
    torch::optim::SGD groupedOptimizer(pair.grouped->parameters(), torch::optim::SGDOptions(1e-3));
    for (int step = 0; step < steps; ++step) {
        const torch::Tensor input = torch::randn({2, 2, 32, 32, 32}, type);
        const torch::Tensor weights = torch::randn({2, 3, 32, 32, 32}, type);
        loopOptimizer.zero_grad();
        groupedOptimizer.zero_grad();
        const torch::Tensor expected = pair.loop->forward(input);
        const torch::Tensor output = pair.grouped->forward(input);
        QVERIFY(maxRelativeDifference(output, expected) < tolerance);
        lossOf(expected, weights).backward();
        lossOf(output, weights).backward();
        compareGradientsAndBuffers(*pair.grouped, *pair.loop, gradientTolerance, tolerance);
        if (QTest::currentTestFailed()) {
            return;
        }
        loopOptimizer.step();
        groupedOptimizer.step();
    }
    // The counts moved: each branch's norms were updated once per step.
    const auto buffers = pair.grouped->named_buffers();
    QCOMPARE(buffers["local.5.decoder.out2.norm.num_batches_tracked"].item<int64_t>(), 3 + steps);
    QCOMPARE(buffers["local.0.encoder.stages.1.blocks.1.norm1.num_batches_tracked"].item<int64_t>(),
             3 + steps);
}

}  // namespace

// LoGoNet's local branches run grouped (GroupedLocalBranches) against the per-branch loop,
// which shares none of the grouped code: outputs, gradients, batch-norm statistics and counts,
// eval mode, activation checkpointing, autocast, cost counting and the state dict.
class TestGroupedLocalBranches : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase() { at::set_num_threads(1); }

    void subCubesStackAlongChannelsInSplitOrder() {
        const torch::Tensor volume = torch::randn({2, 3, 4, 6, 8});
        const std::vector<torch::Tensor> cubes = splitIntoSubCubes(volume);
        const torch::Tensor stacked = stackSubCubesAlongChannels(volume);
        QCOMPARE(stacked.sizes().vec(), (std::vector<int64_t>{2, 24, 2, 3, 4}));
        QVERIFY(torch::equal(stacked, torch::cat(cubes, 1)));
        QVERIFY(torch::equal(mergeSubCubesFromChannels(stacked), volume));
        // Per branch: its own channels of the first map, then of the second.
        const torch::Tensor first = torch::randn({2, 8 * 2, 3, 3, 3});
        const torch::Tensor second = torch::randn({2, 8 * 5, 3, 3, 3});
        const torch::Tensor mixed = interleaveChannels(first, second, 8);
        for (int64_t g = 0; g < 8; ++g) {
            QVERIFY(torch::equal(mixed.narrow(1, g * 7, 2), first.narrow(1, g * 2, 2)));
            QVERIFY(torch::equal(mixed.narrow(1, g * 7 + 2, 5), second.narrow(1, g * 5, 5)));
        }
    }

    // Every gradient, statistic and count, exactly but for rounding: the layers' arithmetic is
    // the same in both paths, only the order of the sums differs.
    void twoTrainingStepsMatchTheLoopInDouble() { runTrainingSteps(torch::kDouble, 2, 1e-9, 1e-9); }

    // Single precision takes oneDNN's channels-last grouped convolutions (double precision takes
    // LibTorch's reference ones): the same within single-precision noise, which the small
    // normalisations of this network amplify to about 1e-4 in the gradients (as much as the
    // per-branch loop itself differs from its double-precision result).
    void aTrainingStepMatchesTheLoopInSingle() { runTrainingSteps(torch::kFloat, 1, 1e-5, 2e-3); }

    void evalModeMatchesTheLoop() {
        for (const bool fast : {true, false}) {  // folded batch norm, then the plain layers
            Pair pair = makePair(fast);
            pair.loop->eval();
            pair.grouped->eval();
            torch::NoGradGuard noGrad;
            const torch::Tensor input = torch::randn({2, 2, 32, 32, 32});
            const torch::Tensor expected = pair.loop->forward(input);
            const double difference = maxRelativeDifference(pair.grouped->forward(input), expected);
            QVERIFY2(difference < 1e-5, std::to_string(difference).c_str());
        }
    }

    void activationCheckpointingMatchesTheLoop() {
        Pair pair = makePair();
        pair.loop->train();
        pair.grouped->train();
        QVERIFY(pair.grouped->setActivationCheckpointing(true));
        const torch::Tensor input = torch::randn({2, 2, 32, 32, 32});
        const torch::Tensor weights = torch::randn({2, 3, 32, 32, 32});
        const torch::Tensor expected = pair.loop->forward(input);
        const torch::Tensor output = pair.grouped->forward(input);
        QVERIFY(maxRelativeDifference(output, expected) < 1e-5);
        lossOf(expected, weights).backward();
        lossOf(output, weights).backward();
        // Also the statistics: the recomputation must not update them a second time.
        compareGradientsAndBuffers(*pair.grouped, *pair.loop, 2e-3, 1e-5);
    }

    void autocastMatchesTheLoop() {
        Pair pair = makePair();
        pair.loop->eval();
        pair.grouped->eval();
        torch::NoGradGuard noGrad;
        const torch::Tensor input = torch::randn({2, 2, 32, 32, 32});
        const AutocastScope autocast(true, input.device());
        const torch::Tensor expected = pair.loop->forward(input).to(torch::kFloat);
        const torch::Tensor output = pair.grouped->forward(input).to(torch::kFloat);
        QCOMPARE(output.sizes(), expected.sizes());
        // bfloat16 keeps 8 bits of mantissa: the two orders of rounding differ by about 1e-2.
        const double difference = maxRelativeDifference(output, expected);
        QVERIFY2(difference < 5e-2, std::to_string(difference).c_str());
    }

    void costsAndStateDictAreThoseOfTheBranches() {
        Pair pair = makePair();
        QCOMPARE(measureConvolutionMacs(*pair.grouped, {32, 32, 32}),
                 measureConvolutionMacs(*pair.loop, {32, 32, 32}));
        std::set<std::string> loopNames;
        std::set<std::string> groupedNames;
        for (const auto& item : pair.loop->named_parameters()) {
            loopNames.insert(item.key());
        }
        for (const auto& item : pair.loop->named_buffers()) {
            loopNames.insert(item.key());
        }
        for (const auto& item : pair.grouped->named_parameters()) {
            groupedNames.insert(item.key());
        }
        for (const auto& item : pair.grouped->named_buffers()) {
            groupedNames.insert(item.key());
        }
        QVERIFY(loopNames == groupedNames);
        QVERIFY(groupedNames.count("local.7.decoder.out2.conv.weight") == 1);
        // Automatic: grouped for the fast CPU network, the loop for the plain reference.
        const torch::Tensor input = torch::zeros({1, 2, 32, 32, 32});
        pair.grouped->setLocalBranchExecution(LocalBranchExecution::Automatic);
        QVERIFY(pair.grouped->usesGroupedLocalBranches(input));
        LoGoNetImpl plain(smallOptions(false));
        QVERIFY(!plain.usesGroupedLocalBranches(input));
        // ... and the loop for LoGoNet's 48^3 sub-cubes of a 96^3 crop, where it is as fast.
        LoGoNetOptions large = smallOptions(true);
        large.dims = {64, 128, 256, 512};
        LoGoNetImpl logonet(large);
        QVERIFY(logonet.usesGroupedLocalBranches(torch::zeros({1, 2, 64, 64, 64})));
        QVERIFY(!logonet.usesGroupedLocalBranches(torch::zeros({1, 2, 96, 96, 96})));
    }
};

QTEST_APPLESS_MAIN(TestGroupedLocalBranches)
#include "test_grouped_local_branches.moc"
