#include <QtTest/QtTest>

#include <thread>

#include "TinyTestNetwork.h"
#include "cache/CaseCache.h"
#include "cache/CasePreparation.h"
#include "distributed/StoreAllReduce.h"
#include "finetune/FineTuner.h"
#include "run/Checkpoint.h"

using namespace logonet;
using namespace logonet::training;

namespace {

CachedCase syntheticCase(const std::string& id, int shift) {
    ImageGeometry g;
    g.size = {24, 24, 20};
    g.spacing = {1.5, 1.5, 2.0};
    ImageVolume image(g, -1000.0f);
    LabelVolume labels(g, 0);
    for (int64_t k = 1; k < 19; ++k) {
        for (int64_t j = 1; j < 23; ++j) {
            for (int64_t i = 1; i < 23; ++i) {
                image.at(i, j, k) = 0.0f;
                if (i >= 5 + shift && i < 12 + shift && j >= 6 && j < 14 && k >= 4 && k < 12) {
                    labels.at(i, j, k) = 1;
                    image.at(i, j, k) = 180.0f;
                }
            }
        }
    }
    return prepareCase(id, image, labels, PreprocessSettings{});
}

FineTuneConfig config(const std::string& cache, int64_t batch) {
    FineTuneConfig c;
    c.architecture = "tiny-test";
    c.crop = {12, 12, 12};
    c.batch = batch;
    c.iterations = 5;
    c.learningRate = 1e-2;
    c.warmupSteps = 1;
    c.checkpointEvery = 5;
    c.seed = 5;
    c.cacheDirectory = cache;
    c.classValues = {0, 1};
    c.classNames = {"background", "organ"};
    c.trainCases = {"a", "b", "c"};
    // The Dice term is computed over each rank's own batch (batch Dice, as nnU-Net does under
    // DDP), which does not decompose into per-sample terms; cross-entropy does, so it is the
    // loss under which two ranks must equal one process on the combined batch.
    c.diceWeight = 0.0;
    return c;
}

model::Network tinyFactory(const FineTuneConfig&) {
    return std::make_shared<TinyTestNetworkImpl>(2);
}

std::vector<torch::Tensor> weightsOf(const std::string& checkpoint) {
    TinyTestNetworkImpl network(2);
    loadCheckpoint(checkpoint, network, nullptr);
    std::vector<torch::Tensor> out;
    for (const auto& p : network.parameters()) {
        out.push_back(p.detach().clone());
    }
    return out;
}

}  // namespace

// Two ranks on 127.0.0.1 (threads of this process, each with its own c10d store connection)
// against one process trained on the combined batch.
class DistributedTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void environmentIsRead() {
        qputenv("WORLD_SIZE", "4");
        qputenv("RANK", "2");
        qputenv("MASTER_PORT", "29611");
        const auto e = DistributedEnvironment::fromEnvironment();
        QVERIFY(e.has_value());
        QCOMPARE(e->rank, 2);
        QCOMPARE(e->worldSize, 4);
        QCOMPARE(e->masterPort, 29611);
        qputenv("RANK", "4");
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, DistributedEnvironment::fromEnvironment());
        qputenv("WORLD_SIZE", "1");
        QVERIFY(!DistributedEnvironment::fromEnvironment().has_value());
    }

    void twoRanksMatchOneProcessOnTheCombinedBatch() {
        QTemporaryDir dir;
        const std::string cache = dir.path().toStdString() + "/cache";
        const CaseCache store(cache);
        store.write(syntheticCase("a", 0));
        store.write(syntheticCase("b", 3));
        store.write(syntheticCase("c", 6));

        const std::string single = dir.path().toStdString() + "/single";
        FineTuner one(config(cache, 4), single);
        one.setNetworkFactory(tinyFactory);
        one.run(false, {}, nullptr);

        const int port = 29500 + static_cast<int>(QCoreApplication::applicationPid() % 2000);
        std::vector<std::string> runs{dir.path().toStdString() + "/rank0",
                                      dir.path().toStdString() + "/rank1"};
        std::vector<model::Network> networks(2);
        std::vector<std::string> failures(2);
        std::vector<std::thread> ranks;
        for (int rank = 0; rank < 2; ++rank) {
            ranks.emplace_back([&, rank]() {
                try {
                    DistributedEnvironment environment;
                    environment.rank = rank;
                    environment.worldSize = 2;
                    environment.masterPort = port;
                    StoreAllReduce reduce(environment, std::chrono::seconds(30));
                    FineTuner tuner(config(cache, 2), runs[static_cast<size_t>(rank)]);
                    // Deliberately different initial weights on rank 1: the broadcast must fix it.
                    tuner.setNetworkFactory([&, rank](const FineTuneConfig&) {
                        if (rank == 1) {
                            torch::manual_seed(999);
                        }
                        auto network = std::make_shared<TinyTestNetworkImpl>(2);
                        networks[static_cast<size_t>(rank)] = network;
                        return network;
                    });
                    tuner.setParallelContext(reduce.context());
                    tuner.run(false, {}, nullptr);
                } catch (const std::exception& error) {
                    failures[static_cast<size_t>(rank)] = error.what();
                }
            });
        }
        for (auto& t : ranks) {
            t.join();
        }
        QVERIFY2(failures[0].empty(), failures[0].c_str());
        QVERIFY2(failures[1].empty(), failures[1].c_str());
        // Only rank 0 writes the run folder.
        QVERIFY(QFile::exists(QString::fromStdString(runs[0] + "/checkpoints/last.pt")));
        QVERIFY(!QFile::exists(QString::fromStdString(runs[1] + "/checkpoints/last.pt")));
        // Both ranks hold identical weights.
        const auto rank0 = networks[0]->parameters();
        const auto rank1 = networks[1]->parameters();
        for (size_t n = 0; n < rank0.size(); ++n) {
            QVERIFY(torch::equal(rank0[n], rank1[n]));
        }
        const auto expected = weightsOf(single + "/checkpoints/last.pt");
        const auto actual = weightsOf(runs[0] + "/checkpoints/last.pt");
        for (size_t n = 0; n < expected.size(); ++n) {
            const double difference = (actual[n] - expected[n]).abs().max().item<double>();
            QVERIFY2(difference < 1e-5, qPrintable(QString::number(difference)));
        }
    }
};

QTEST_GUILESS_MAIN(DistributedTest)
#include "test_distributed.moc"
