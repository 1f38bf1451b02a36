#include <QtTest/QtTest>

#include <ATen/CPUGeneratorImpl.h>

#include <signal.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <thread>

#include "DistributedRanks.h"
#include "EngineProcess.h"
#include "FineTuneFixtures.h"
#include "distributed/DataParallelContext.h"
#include "distributed/DistributedEnvironment.h"
#include "finetune/FineTuner.h"
#include "registry/ModelRegistry.h"
#include "run/Checkpoint.h"
#include "run/RunFolder.h"

using namespace logonet;
using namespace logonet::training;
namespace fs = std::filesystem;
using namespace distributed_fixtures;

namespace {

// Two ranks at batch B train exactly as one process at batch B with twice the accumulation
// (see FineTuner): each micro-batch is normalised and scored on its own, so this holds for the
// full DiceCE loss and BatchNorm, not only for per-sample losses.
FineTuneConfig threadConfig(const std::string& cache, int64_t accumulation) {
    FineTuneConfig c;
    c.architecture = "tiny-test";
    c.crop = {12, 12, 12};
    c.batch = 2;
    c.accumulation = accumulation;
    c.iterations = 5;
    c.learningRate = 1e-2;
    c.warmupSteps = 1;
    c.checkpointEvery = 5;
    c.seed = 5;
    c.cacheDirectory = cache;
    fixtures::setSyntheticLabels(c);
    c.trainCases = {"a", "b", "c"};
    return c;
}

// The tiny network with weights from a generator of its own: ranks on threads of one process
// would otherwise draw from the global one at the same time (FineTuner seeds it, too).
model::Network seededTinyNetwork(const FineTuneConfig& config, uint64_t seed) {
    model::Network network = fixtures::tinyFactory(config);
    at::Generator generator = at::make_generator<at::CPUGeneratorImpl>(seed);
    torch::NoGradGuard noGrad;
    for (auto& p : network->parameters()) {
        p.copy_(torch::randn(p.sizes(), generator, torch::kFloat) * 0.2);
    }
    return network;
}

// Rank `rank` of a two-rank job whose ranks are threads of this process, each with a Gloo
// process group of its own.
std::shared_ptr<DataParallelContext> threadRank(int rank, int port,
                                                DataParallelOptions options = {}) {
    DistributedEnvironment environment;
    environment.rank = rank;
    environment.worldSize = 2;
    environment.masterPort = port;
    options.timeout = std::chrono::seconds(60);
    return std::make_shared<DataParallelContext>(environment, "cpu", options);
}

// Runs `rankBody` for ranks 0 and 1 at once, on threads of their own; returns what each threw
// (empty where nothing).
std::vector<std::string> runOnTwoThreads(const std::function<void(int)>& rankBody) {
    std::vector<std::string> failures(2);
    std::vector<std::thread> ranks;
    for (int rank = 0; rank < 2; ++rank) {
        ranks.emplace_back([&, rank]() {
            try {
                rankBody(rank);
            } catch (const std::exception& error) {
                failures[static_cast<size_t>(rank)] = error.what();
            }
        });
    }
    for (auto& t : ranks) {
        t.join();
    }
    return failures;
}

// Normalises its input first, so that its running statistics depend on the inputs alone, not on
// the weights: the test follows them with plain arithmetic.
class NormFirstNetworkImpl final : public model::NetworkImpl {
  public:
    NormFirstNetworkImpl() {
        norm_ = register_module("norm", torch::nn::BatchNorm3d(1));
        conv_ = register_module("conv", torch::nn::Conv3d(torch::nn::Conv3dOptions(1, 2, 1)));
    }
    torch::Tensor forward(const torch::Tensor& input) override { return conv_(norm_(input)); }
    std::string architecture() const override { return "norm-first-test"; }
    model::NetworkOptions options() const override { return {}; }
    int64_t sizeDivisor() const override { return 1; }

  private:
    torch::nn::BatchNorm3d norm_{nullptr};
    torch::nn::Conv3d conv_{nullptr};
};

// Rank `rank`'s input of micro-batch `micro` of step `step`; rank 1's has another mean and spread.
torch::Tensor normFirstInput(int rank, int step, int micro) {
    at::Generator generator =
        at::make_generator<at::CPUGeneratorImpl>(1 + 1000 * rank + 10 * step + micro);
    return torch::randn({2, 1, 3, 3, 3}, generator, torch::kFloat) * (1.0 + rank) + 3.0 * rank;
}

// BatchNorm's running statistics by their definition (momentum 0.1, unbiased variance), in
// double precision.
struct RunningStatistics {
    double mean = 0;
    double variance = 1;
    int64_t count = 0;

    void follow(const torch::Tensor& input) {
        const torch::Tensor values = input.contiguous();
        const float* data = values.data_ptr<float>();
        const int64_t n = values.numel();
        double sum = 0;
        for (int64_t i = 0; i < n; ++i) {
            sum += data[i];
        }
        const double batchMean = sum / static_cast<double>(n);
        double squares = 0;
        for (int64_t i = 0; i < n; ++i) {
            squares += (data[i] - batchMean) * (data[i] - batchMean);
        }
        mean = 0.9 * mean + 0.1 * batchMean;
        variance = 0.9 * variance + 0.1 * squares / static_cast<double>(n - 1);
        ++count;
    }
};

std::vector<torch::Tensor> bufferValues(model::NetworkImpl& network) {
    std::vector<torch::Tensor> values;
    for (const auto& b : network.buffers()) {
        values.push_back(b.detach().clone());
    }
    return values;
}

bool allEqual(const std::vector<torch::Tensor>& a, const std::vector<torch::Tensor>& b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (size_t n = 0; n < a.size(); ++n) {
        if (!torch::equal(a[n], b[n])) {
            return false;
        }
    }
    return true;
}

}  // namespace

class DistributedTest : public QObject {
    Q_OBJECT
  private:
    QTemporaryDir dir_;
    std::string cache_;

  private Q_SLOTS:
    void initTestCase() {
        torch::set_num_threads(1);
        cache_ = dir_.path().toStdString() + "/cache";
        fixtures::writeSyntheticCache(cache_, 3, {44, 40, 40});
    }

    void environmentIsRead() {
        qputenv("WORLD_SIZE", "4");
        qputenv("RANK", "2");
        qputenv("MASTER_PORT", "29611");
        auto e = DistributedEnvironment::fromEnvironment();
        QVERIFY(e.has_value());
        QCOMPARE(e->rank, 2);
        QCOMPARE(e->worldSize, 4);
        QCOMPARE(e->masterPort, 29611);
        QCOMPARE(e->describe(), std::string("rank 2 of 4"));
        QCOMPARE(e->masterEndpoint(), std::string("127.0.0.1:29611"));
        qputenv("RANK", "4");
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, DistributedEnvironment::fromEnvironment());
        qputenv("RANK", "x1");
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, DistributedEnvironment::fromEnvironment());
        qputenv("WORLD_SIZE", "1");
        QVERIFY(!DistributedEnvironment::fromEnvironment().has_value());
        // srun's variables where torchrun's are unset.
        qunsetenv("WORLD_SIZE");
        qunsetenv("RANK");
        qputenv("SLURM_NTASKS", "3");
        qputenv("SLURM_PROCID", "1");
        qputenv("SLURM_LOCALID", "1");
        e = DistributedEnvironment::fromEnvironment();
        QVERIFY(e.has_value());
        QCOMPARE(e->worldSize, 3);
        QCOMPARE(e->rank, 1);
        QCOMPARE(e->localRank, 1);
        for (const char* name : {"SLURM_NTASKS", "SLURM_PROCID", "SLURM_LOCALID", "MASTER_PORT"}) {
            qunsetenv(name);
        }
        QVERIFY(!DistributedEnvironment::fromEnvironment().has_value());
    }

    // Two ranks as threads of this process (each with its own Gloo process group), the tiny
    // network, full DiceCE: fast, and it checks the broadcast of rank 0's initial weights, the
    // local accumulation of all but a step's last micro-batch, and several gradient buckets.
    void threadRanksMatchOneProcessWithTheSameGlobalBatch_data() {
        QTest::addColumn<int>("accumulation");
        QTest::addColumn<int>("bucketBytes");
        QTest::newRow("one micro-batch, default buckets") << 1 << (25 << 20);
        QTest::newRow("two micro-batches, 512-byte buckets") << 2 << 512;
    }

    void threadRanksMatchOneProcessWithTheSameGlobalBatch() {
        QFETCH(int, accumulation);
        QFETCH(int, bucketBytes);
        const std::string tag = std::to_string(accumulation);
        const std::string single = dir_.path().toStdString() + "/single" + tag;
        FineTuner one(threadConfig(cache_, 2 * accumulation), single);
        one.setNetworkFactory(
            [](const FineTuneConfig& config) { return seededTinyNetwork(config, 5); });
        one.run(false, {}, nullptr);

        const int port = freePort();
        std::vector<std::string> runs{dir_.path().toStdString() + "/rank0-" + tag,
                                      dir_.path().toStdString() + "/rank1-" + tag};
        std::vector<model::Network> networks(2);
        std::vector<size_t> buckets(2);
        const std::vector<std::string> failures = runOnTwoThreads([&](int rank) {
            DataParallelOptions options;
            options.buckets.firstBucketBytes = static_cast<size_t>(bucketBytes);
            options.buckets.bucketBytes = static_cast<size_t>(bucketBytes);
            auto context = threadRank(rank, port, options);
            FineTuner tuner(threadConfig(cache_, accumulation), runs[static_cast<size_t>(rank)]);
            // Deliberately different initial weights on rank 1: the broadcast must fix it.
            tuner.setNetworkFactory([&, rank](const FineTuneConfig& config) {
                auto network = seededTinyNetwork(config, rank == 1 ? 999 : 5);
                networks[static_cast<size_t>(rank)] = network;
                return network;
            });
            tuner.setParallelContext(context);
            tuner.run(false, {}, nullptr);
            buckets[static_cast<size_t>(rank)] = context->bucketCount();
            context->finish();
        });
        QVERIFY2(failures[0].empty(), failures[0].c_str());
        QVERIFY2(failures[1].empty(), failures[1].c_str());
        // Only rank 0 writes the run folder.
        QVERIFY(fs::exists(runs[0] + "/checkpoints/last.pt"));
        QVERIFY(!fs::exists(runs[1] + "/checkpoints/last.pt"));
        QVERIFY(!fs::exists(runs[1] + "/events.jsonl"));
        QCOMPARE(buckets[0], buckets[1]);
        // The tiny network's first weight (864 bytes) fills a bucket of its own.
        QCOMPARE(buckets[0], bucketBytes < 1024 ? size_t{2} : size_t{1});
        const auto rank0 = networks[0]->parameters();
        const auto rank1 = networks[1]->parameters();
        for (size_t n = 0; n < rank0.size(); ++n) {
            QVERIFY(torch::equal(rank0[n], rank1[n]));
        }
        const double difference =
            largestDifference(fixtures::weightsOf(runs[0] + "/checkpoints/last.pt", 3),
                              fixtures::weightsOf(single + "/checkpoints/last.pt", 3));
        QVERIFY2(difference < 1e-5, qPrintable(QString::number(difference)));
    }

    // Two ranks as threads (each with its own Gloo process group) that feed different inputs
    // to a network with BatchNorm: before each step's first forward pass rank 1 holds rank 0's
    // buffers bit for bit, after the last step too, and those are the running statistics of
    // rank 0's inputs alone.
    void buffersAreRankZerosBeforeEveryStepAndAtTheEnd_data() {
        QTest::addColumn<int>("accumulation");
        QTest::newRow("one micro-batch") << 1;
        QTest::newRow("two micro-batches") << 2;
    }

    void buffersAreRankZerosBeforeEveryStepAndAtTheEnd() {
        QFETCH(int, accumulation);
        constexpr int kSteps = 3;
        const int port = freePort();
        std::vector<std::vector<std::vector<torch::Tensor>>> atStepStart(2);
        std::vector<std::vector<torch::Tensor>> atEnd(2);
        const std::vector<std::string> failures = runOnTwoThreads([&](int rank) {
            auto context = threadRank(rank, port);
            auto network = std::make_shared<NormFirstNetworkImpl>();
            if (rank == 1) {
                // Statistics of its own: the initial broadcast must replace them.
                torch::NoGradGuard noGrad;
                network->named_buffers()["norm.running_mean"].fill_(7.0);
            }
            network->train();
            context->synchronizeState(*network, 0);
            for (int step = 0; step < kSteps; ++step) {
                network->zero_grad();
                for (int m = 0; m < accumulation; ++m) {
                    context->beginMicroBatch(m + 1 == accumulation);
                    if (m == 0) {
                        atStepStart[static_cast<size_t>(rank)].push_back(bufferValues(*network));
                    }
                    const torch::Tensor output = network->forward(normFirstInput(rank, step, m));
                    context->backward(output.square().mean());
                }
            }
            context->broadcastBuffers();
            atEnd[static_cast<size_t>(rank)] = bufferValues(*network);
            context->finish();
        });
        QVERIFY2(failures[0].empty(), failures[0].c_str());
        QVERIFY2(failures[1].empty(), failures[1].c_str());
        QCOMPARE(atStepStart[0].size(), size_t{kSteps});
        QCOMPARE(atStepStart[1].size(), size_t{kSteps});
        for (size_t step = 0; step < kSteps; ++step) {
            QVERIFY2(allEqual(atStepStart[0][step], atStepStart[1][step]),
                     qPrintable(
                         QString("rank 1's buffers differ at the start of step %1").arg(step + 1)));
        }
        QVERIFY2(allEqual(atEnd[0], atEnd[1]), "rank 1's buffers differ after the last step");

        RunningStatistics expected;
        for (int step = 0; step < kSteps; ++step) {
            for (int m = 0; m < accumulation; ++m) {
                expected.follow(normFirstInput(0, step, m));
            }
        }
        // BatchNorm3d's buffers: running_mean, running_var, num_batches_tracked.
        QCOMPARE(atEnd[0].size(), size_t{3});
        const double mean = atEnd[0][0].item<double>();
        const double variance = atEnd[0][1].item<double>();
        qInfo("running mean %.7f (expected %.7f), variance %.7f (expected %.7f)", mean,
              expected.mean, variance, expected.variance);
        QVERIFY(std::abs(mean - expected.mean) < 1e-5);
        QVERIFY(std::abs(variance - expected.variance) < 1e-5);
        QCOMPARE(atEnd[0][2].item<int64_t>(), expected.count);
    }
};

QTEST_GUILESS_MAIN(DistributedTest)
#include "test_distributed.moc"
