#include <QtTest/QtTest>

#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "EngineProcess.h"
#include "FineTuneFixtures.h"
#include "distributed/StoreAllReduce.h"
#include "finetune/FineTuner.h"
#include "registry/ModelRegistry.h"
#include "run/Checkpoint.h"
#include "run/RunFolder.h"

using namespace logonet;
using namespace logonet::training;
namespace fs = std::filesystem;

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

// A port no other test run is likely to hold: the OS picks a free one, which is released
// again for the store to take (a tiny race, fine for a test).
int freePort() {
    const int probe = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof(address);
    int port = 0;
    if (::bind(probe, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0 &&
        ::getsockname(probe, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
        port = ntohs(address.sin_port);
    }
    ::close(probe);
    return port;
}

// Parameters of a checkpoint of any registry architecture.
std::vector<torch::Tensor> parametersOf(const std::string& checkpoint) {
    const CheckpointInfo info = readCheckpointInfo(checkpoint);
    model::Network network = model::createNetwork(info.architecture, info.networkOptions);
    loadCheckpoint(checkpoint, *network, nullptr);
    std::vector<torch::Tensor> out;
    for (const auto& p : network->parameters()) {
        out.push_back(p.detach().clone());
    }
    return out;
}

double largestDifference(const std::vector<torch::Tensor>& a, const std::vector<torch::Tensor>& b) {
    if (a.size() != b.size()) {
        return 1e30;
    }
    double largest = 0;
    for (size_t n = 0; n < a.size(); ++n) {
        largest = std::max(largest, (a[n] - b[n]).abs().max().item<double>());
    }
    return largest;
}

// One `logonet train` rank of a two-rank job on 127.0.0.1.
struct Rank {
    QProcess process;
    QByteArray out;
    void start(int rank, int port, const QString& run, const QString& weights,
               const QStringList& extra = {}) {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert("WORLD_SIZE", "2");
        environment.insert("RANK", QString::number(rank));
        environment.insert("LOCAL_RANK", QString::number(rank));
        environment.insert("MASTER_ADDR", "127.0.0.1");
        environment.insert("MASTER_PORT", QString::number(port));
        environment.insert("LOGONET_FINAL_WEIGHTS_DIR", weights);
        process.setProcessEnvironment(environment);
        process.start(enginePath(),
                      QStringList{"train", "--run", run, "--progress", "json"} + extra);
    }
    int finish(int timeoutMs = 240000) {
        if (!process.waitForFinished(timeoutMs)) {
            process.kill();
            process.waitForFinished();
            return -100;
        }
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }
    QString err() { return QString::fromUtf8(process.readAllStandardError()); }
    bool exited() const { return process.state() == QProcess::NotRunning; }
    // Whether its progress output (JSON lines) has reported a training step yet.
    bool reportedAStep() {
        out += process.readAllStandardOutput();
        return out.contains("\"event\":\"step\"");
    }
};

}  // namespace

class DistributedTest : public QObject {
    Q_OBJECT
  private:
    QTemporaryDir dir_;
    std::string cache_;

    // A run folder for `logonet train --run`: logonet-tiny on the synthetic cases.
    QString writeRun(const QString& name, int64_t accumulation, int64_t iterations) {
        FineTuneConfig c;
        c.architecture = "logonet-tiny";
        c.crop = {32, 32, 32};
        c.batch = 2;
        c.accumulation = accumulation;
        c.iterations = iterations;
        c.learningRate = 1e-3;
        c.warmupSteps = 1;
        c.checkpointEvery = 1;
        c.seed = 3;
        c.threads = 1;
        c.cacheDirectory = cache_;
        fixtures::setSyntheticLabels(c);
        c.trainCases = {"a", "b", "c"};
        const std::string run = dir_.path().toStdString() + "/" + name.toStdString();
        fs::create_directories(run);
        RunFolder(run).writeConfig(c.toJson());
        return QString::fromStdString(run);
    }

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

    // Two ranks as threads of this process (each with its own store connection), the tiny
    // network, full DiceCE: fast, and it checks the broadcast of rank 0's initial weights.
    void threadRanksMatchOneProcessWithTwiceTheAccumulation() {
        const std::string single = dir_.path().toStdString() + "/single";
        FineTuner one(threadConfig(cache_, 2), single);
        one.setNetworkFactory(fixtures::tinyFactory);
        one.run(false, {}, nullptr);

        const int port = freePort();
        std::vector<std::string> runs{dir_.path().toStdString() + "/rank0",
                                      dir_.path().toStdString() + "/rank1"};
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
                    StoreAllReduce reduce(environment, std::chrono::seconds(60));
                    FineTuner tuner(threadConfig(cache_, 1), runs[static_cast<size_t>(rank)]);
                    // Deliberately different initial weights on rank 1: the broadcast must fix it.
                    tuner.setNetworkFactory([&, rank](const FineTuneConfig& config) {
                        if (rank == 1) {
                            torch::manual_seed(999);
                        }
                        auto network = fixtures::tinyFactory(config);
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
        QVERIFY(fs::exists(runs[0] + "/checkpoints/last.pt"));
        QVERIFY(!fs::exists(runs[1] + "/checkpoints/last.pt"));
        QVERIFY(!fs::exists(runs[1] + "/events.jsonl"));
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

    // Two real `logonet train` processes on 127.0.0.1 (logonet-tiny, BatchNorm, augmentation):
    // SIGTERM to rank 0 stops both after the same step, --resume continues both, and the end
    // weights equal on both ranks and match one process with twice the accumulation.
    void twoProcessesStopResumeAndMatchOneProcess() {
        const int iterations = 6;
        const QString weights = dir_.path() + "/weights";
        const QString reference = writeRun("reference", 2, iterations);
        const QString referenceWeights = weights + "/reference";
        fs::create_directories(referenceWeights.toStdString());
        QProcess single;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert("LOGONET_FINAL_WEIGHTS_DIR", referenceWeights);
        single.setProcessEnvironment(environment);
        single.start(enginePath(), {"train", "--run", reference, "--progress", "json"});

        const QString run = writeRun("ranks", 1, iterations);
        const QString rankWeights = weights + "/ranks";
        fs::create_directories(rankWeights.toStdString());
        int port = freePort();
        Rank rank0;
        Rank rank1;
        rank0.start(0, port, run, rankWeights);
        rank1.start(1, port, run, rankWeights);
        // Stop once rank 0 reports its first step.
        QTRY_VERIFY_WITH_TIMEOUT(rank0.reportedAStep() || rank0.exited(), 180000);
        QVERIFY2(rank0.reportedAStep(), qPrintable(rank0.err()));
        ::kill(static_cast<pid_t>(rank0.process.processId()), SIGTERM);
        QCOMPARE(rank0.finish(), 3);
        QCOMPARE(rank1.finish(), 3);
        const std::string last = run.toStdString() + "/checkpoints/last.pt";
        const int64_t stoppedAt = readCheckpointInfo(last).step;
        QVERIFY2(stoppedAt < iterations, "the ranks finished before they could be stopped");

        port = freePort();
        Rank again0;
        Rank again1;
        again0.start(0, port, run, rankWeights, {"--resume"});
        again1.start(1, port, run, rankWeights, {"--resume"});
        QVERIFY2(again0.finish() == 0, qPrintable(again0.err()));
        QVERIFY2(again1.finish() == 0, qPrintable(again1.err()));
        QCOMPARE(readCheckpointInfo(last).step, int64_t{iterations});
        QVERIFY(single.waitForFinished(240000));
        QVERIFY2(single.exitCode() == 0, single.readAllStandardError().constData());

        const auto first = parametersOf(rankWeights.toStdString() + "/rank0.pt");
        const auto second = parametersOf(rankWeights.toStdString() + "/rank1.pt");
        QCOMPARE(largestDifference(first, second), 0.0);
        const auto expected = parametersOf(referenceWeights.toStdString() + "/rank0.pt");
        const double difference = largestDifference(first, expected);
        qInfo("largest weight difference to one process: %g", difference);
        QVERIFY2(difference < 1e-5, qPrintable(QString::number(difference)));
        // What rank 0 wrote is what it trained.
        QCOMPARE(largestDifference(parametersOf(last), first), 0.0);
    }

    // A rank that dies makes the other fail with a message naming it, after the timeout.
    void aDeadRankFailsTheOtherAfterTheTimeout() {
        const QString run = writeRun("dead", 1, 1000);
        const QString rankWeights = dir_.path() + "/weights/dead";
        const int port = freePort();
        Rank rank0;
        Rank rank1;
        rank0.start(0, port, run, rankWeights, {"--dist-timeout", "10"});
        rank1.start(1, port, run, rankWeights, {"--dist-timeout", "10"});
        QTRY_VERIFY_WITH_TIMEOUT(rank0.reportedAStep() || rank0.exited(), 180000);
        QVERIFY2(rank0.reportedAStep(), qPrintable(rank0.err()));
        ::kill(static_cast<pid_t>(rank1.process.processId()), SIGKILL);
        QElapsedTimer clock;
        clock.start();
        const int code = rank0.finish(60000);
        QVERIFY2(code != 0 && code != -100, qPrintable(QString::number(code)));
        QVERIFY(clock.elapsed() < 50000);
        const QString message = rank0.err();
        QVERIFY2(message.contains("no data from rank 1"), qPrintable(message));
        rank1.finish();
    }
};

QTEST_GUILESS_MAIN(DistributedTest)
#include "test_distributed.moc"
