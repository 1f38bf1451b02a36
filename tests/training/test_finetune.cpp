#include <QtTest/QtTest>

#include <filesystem>
#include <fstream>

#include "FineTuneFixtures.h"
#include "data/CropPlan.h"
#include "data/CropSampler.h"
#include "finetune/FineTuner.h"
#include "network/Autocast.h"
#include "run/Checkpoint.h"

using namespace logonet;
using namespace logonet::training;
using fixtures::tinyConfig;
using fixtures::tinyFactory;
using fixtures::weightsOf;
namespace fs = std::filesystem;

namespace {

// The `key` of every `kind` event of a run's events.jsonl, in order.
std::vector<double> valuesOf(const std::string& eventsPath, const std::string& kind,
                             const std::string& key) {
    std::vector<double> values;
    std::ifstream in(eventsPath);
    std::string line;
    while (std::getline(in, line)) {
        const Json event = Json::parse(line);
        if (event.value("event", std::string()) == kind) {
            values.push_back(event.at(key).asNumber());
        }
    }
    return values;
}

// Whether two checkpoints of the tiny network hold the same parameters, bit for bit.
bool sameWeights(const std::string& a, const std::string& b) {
    const auto left = weightsOf(a, 3);
    const auto right = weightsOf(b, 3);
    if (left.size() != right.size() || left.empty()) {
        return false;
    }
    for (size_t n = 0; n < left.size(); ++n) {
        if (!torch::equal(left[n], right[n])) {
            return false;
        }
    }
    return true;
}

std::vector<double> lossesOf(const std::string& eventsPath) {
    return valuesOf(eventsPath, "step", "loss");
}

std::vector<double> validationDiceOf(const std::string& eventsPath) {
    return valuesOf(eventsPath, "validation", "mean_dice");
}

}  // namespace

class FineTuneTest : public QObject {
    Q_OBJECT
  private:
    QTemporaryDir dir_;
    std::string cache_;

  private Q_SLOTS:
    void initTestCase() {
        torch::set_num_threads(2);
        cache_ = dir_.path().toStdString() + "/cache";
        fixtures::writeSyntheticCache(cache_, 2);
    }

    void cropsContainForegroundAtTheConfiguredRatio_data() {
        QTest::addColumn<double>("fraction");
        QTest::newRow("1:1") << 0.5;
        QTest::newRow("1:3") << 0.25;
        QTest::newRow("all positive") << 1.0;
    }

    void cropsContainForegroundAtTheConfiguredRatio() {
        QFETCH(double, fraction);
        const CaseCache cache(cache_);
        std::vector<std::shared_ptr<const TrainingCase>> cases;
        for (const auto& id : {"a", "b"}) {
            cases.push_back(
                std::make_shared<const TrainingCase>(makeTrainingCase(cache.read(id), {0, 2, 6})));
        }
        CropSamplerOptions options;
        options.crop = {16, 16, 16};
        options.positiveFraction = fraction;
        options.seed = 3;
        const CropSampler sampler(cases, options);
        const int count = 40;
        int positive = 0;
        for (int n = 0; n < count; ++n) {
            const CropSample sample = sampler.sample(n);
            QCOMPARE(sample.image.sizes(), (torch::IntArrayRef{1, 16, 16, 16}));
            if (sample.positive) {
                ++positive;
                // Centred on a labelled voxel: the crop holds foreground.
                const TrainingCase& entry = *cases[static_cast<size_t>(sample.caseIndex)];
                QVERIFY(entry.classes.at(sample.centre[0], sample.centre[1], sample.centre[2]) !=
                        0);
                QVERIFY(sample.labels.gt(0).any().item<bool>());
            }
        }
        QCOMPARE(positive, static_cast<int>(std::lround(count * fraction)));
        // A pure function of the index: the same crop twice.
        QVERIFY(torch::equal(sampler.sample(11).image, sampler.sample(11).image));
    }

    void cropLargerThanEveryCaseIsAnError() {
        const CaseCache cache(cache_);
        std::vector<std::shared_ptr<const TrainingCase>> cases{
            std::make_shared<const TrainingCase>(makeTrainingCase(cache.read("a"), {0, 2, 6}))};
        CropSamplerOptions options;
        options.crop = {16, 16, 512};
        try {
            CropSampler sampler(cases, options);
            QFAIL("accepted a crop larger than every case");
        } catch (const std::invalid_argument& error) {
            QVERIFY(std::string(error.what()).find("larger than every") != std::string::npos);
        }
    }

    void autoCropIsTheMedianCaseRoundedDownAndCapped() {
        // Per axis: lower median of (80, 90, 200) is 90 -> 64; of (66, 100, 300) 100 -> 96;
        // of (33, 40, 64) 40 -> 32.
        QCOMPARE(planCrop({{80, 66, 64}, {200, 100, 40}, {90, 300, 33}}), (Size3{64, 96, 32}));
        QCOMPARE(planCrop({{500, 500, 500}, {400, 400, 400}}), (Size3{96, 96, 96}));
        QCOMPARE(planCrop({{20, 10, 31}}), (Size3{32, 32, 32}));  // padded by the sampler
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, planCrop({}));

        const CaseCache cache(cache_);
        QCOMPARE(preparedCaseSizes(cache_, {"a"}).at(0), cache.read("a").image.size());
        try {
            preparedCaseSizes(cache_, {"missing"});
            QFAIL("planned from a case that is not in the cache");
        } catch (const std::runtime_error& error) {
            QVERIFY2(std::string(error.what()).find("missing.json") != std::string::npos,
                     error.what());
        }
    }

    void labelsOutsideTheLabelSetAreAnError() {
        const CaseCache cache(cache_);
        try {
            makeTrainingCase(cache.read("a"), {0, 2});
            QFAIL("accepted label value 6");
        } catch (const std::invalid_argument& error) {
            QVERIFY(std::string(error.what()).find("label value 6") != std::string::npos);
        }
    }

    void lossDecreasesOnATinyOverfitCase() {
        const std::string run = dir_.path().toStdString() + "/overfit";
        FineTuner tuner(tinyConfig(cache_), run);
        tuner.setNetworkFactory(tinyFactory);
        const FineTuneResult result = tuner.run(false, {}, nullptr);
        QCOMPARE(result.steps, int64_t{30});
        const std::vector<double> losses = lossesOf(run + "/events.jsonl");
        QCOMPARE(losses.size(), size_t{30});
        const double first = (losses[0] + losses[1] + losses[2]) / 3.0;
        const double last = (losses[27] + losses[28] + losses[29]) / 3.0;
        QVERIFY2(last < 0.7 * first, qPrintable(QString("loss %1 -> %2").arg(first).arg(last)));
        QVERIFY(fs::exists(run + "/checkpoints/last.pt"));
        QVERIFY(fs::exists(run + "/checkpoints/best.pt"));
        QCOMPARE(readCheckpointInfo(run + "/checkpoints/last.pt").step, int64_t{30});
    }

    void stoppedAndResumedRunEqualsUninterruptedRun() {
        FineTuneConfig config = tinyConfig(cache_);
        config.iterations = 12;
        config.augment = true;
        const std::string straight = dir_.path().toStdString() + "/straight";
        FineTuner a(config, straight);
        a.setNetworkFactory(tinyFactory);
        a.run(false, {}, nullptr);

        const std::string interrupted = dir_.path().toStdString() + "/interrupted";
        std::atomic<bool> stop{false};
        FineTuner b(config, interrupted);
        b.setNetworkFactory(tinyFactory);
        const FineTuneResult partial = b.run(
            false,
            [&](const Json& e) {
                if (e.value("step", int64_t{0}) == 7) {
                    stop = true;
                }
            },
            &stop);
        QVERIFY(partial.stopped);
        QCOMPARE(readCheckpointInfo(interrupted + "/checkpoints/last.pt").step, int64_t{7});
        FineTuner c(config, interrupted);
        c.setNetworkFactory(tinyFactory);
        const FineTuneResult rest = c.run(true, {}, nullptr);
        QCOMPARE(rest.steps, int64_t{12});
        QVERIFY(
            sameWeights(interrupted + "/checkpoints/last.pt", straight + "/checkpoints/last.pt"));
        QCOMPARE(lossesOf(interrupted + "/events.jsonl"), lossesOf(straight + "/events.jsonl"));
    }

    void mixedPrecisionOnTheCpuUsesBfloat16() {
        // The scope turns CPU autocast on while it lives, and off again.
        torch::nn::Conv3d conv(torch::nn::Conv3dOptions(1, 2, 3));
        const torch::Tensor x = torch::randn({1, 1, 6, 6, 6});
        {
            const model::AutocastScope scope(true, torch::kCPU);
            QCOMPARE(conv(x).scalar_type(), torch::kBFloat16);
        }
        QCOMPARE(conv(x).scalar_type(), torch::kFloat);

        // --amp on the CPU trains in bfloat16: losses near float32's, not equal, decreasing.
        FineTuneConfig config = tinyConfig(cache_);
        config.iterations = 12;
        const std::string plainRun = dir_.path().toStdString() + "/float32";
        FineTuner plain(config, plainRun);
        plain.setNetworkFactory(tinyFactory);
        plain.run(false, {}, nullptr);
        config.amp = true;
        const std::string ampRun = dir_.path().toStdString() + "/bfloat16";
        FineTuner mixed(config, ampRun);
        mixed.setNetworkFactory(tinyFactory);
        mixed.run(false, {}, nullptr);
        const std::vector<double> expected = lossesOf(plainRun + "/events.jsonl");
        const std::vector<double> actual = lossesOf(ampRun + "/events.jsonl");
        QCOMPARE(actual.size(), size_t{12});
        QVERIFY(actual[0] != expected[0]);
        QVERIFY2(std::abs(actual[0] - expected[0]) < 0.05 * expected[0],
                 qPrintable(QString("%1 vs %2").arg(actual[0]).arg(expected[0])));
        QVERIFY(std::isfinite(actual[11]) && actual[11] < actual[0]);
    }

    void checkpointErrors() {
        const std::string run = dir_.path().toStdString() + "/overfit";
        const std::string last = run + "/checkpoints/last.pt";
        // Another architecture.
        TinyTestNetworkImpl other(3, "other-arch");
        try {
            loadCheckpoint(last, other, nullptr);
            QFAIL("loaded a checkpoint of another architecture");
        } catch (const std::runtime_error& error) {
            QVERIFY(std::string(error.what()).find("architecture 'tiny-test'") !=
                    std::string::npos);
        }
        // Partial loading: the class layer has another shape (5 classes instead of 3).
        TinyTestNetworkImpl wider(5);
        const PartialLoadReport report = loadWeightsPartially(last, wider);
        QCOMPARE(report.loaded.size(), size_t{2});   // first.weight, first.bias
        QCOMPARE(report.skipped.size(), size_t{2});  // second.weight, second.bias
        QCOMPARE(report.missing.size(), size_t{0});
        // A corrupted file.
        const std::string corrupted = dir_.path().toStdString() + "/corrupted.pt";
        fs::copy_file(last, corrupted);
        fs::resize_file(corrupted, fs::file_size(corrupted) / 2);
        TinyTestNetworkImpl same(3);
        try {
            loadCheckpoint(corrupted, same, nullptr);
            QFAIL("loaded a corrupted checkpoint");
        } catch (const std::runtime_error& error) {
            QVERIFY(std::string(error.what()).find("corrupted.pt") != std::string::npos);
        }
    }

    // Training cases read from the cache when a crop needs them (a budget of one byte keeps only
    // the last one) train exactly as cases all held in memory; validation reads its cases when
    // it scores them, with the same Dice.
    void casesReadWhenDrawnTrainAsHeldOnes() {
        FineTuneConfig config = tinyConfig(cache_);
        config.iterations = 8;
        config.augment = true;
        config.validationCases = {"b"};
        config.validateEvery = 4;
        const std::string held = dir_.path().toStdString() + "/held";
        FineTuner a(config, held);
        a.setNetworkFactory(tinyFactory);
        a.run(false, {}, nullptr);
        const std::string read = dir_.path().toStdString() + "/read";
        FineTuner b(config, read);
        b.setNetworkFactory(tinyFactory);
        b.setCaseMemory(1);
        b.run(false, {}, nullptr);
        QVERIFY(sameWeights(read + "/checkpoints/last.pt", held + "/checkpoints/last.pt"));
        QCOMPARE(lossesOf(read + "/events.jsonl"), lossesOf(held + "/events.jsonl"));
        QCOMPARE(validationDiceOf(read + "/events.jsonl"),
                 validationDiceOf(held + "/events.jsonl"));
        QCOMPARE(validationDiceOf(held + "/events.jsonl").size(), size_t{2});
    }

    void runErrors() {
        const std::string run = dir_.path().toStdString() + "/errors";
        auto expectError = [&](FineTuneConfig config, const std::string& fragment) {
            FineTuner tuner(config, run);
            tuner.setNetworkFactory(tinyFactory);
            try {
                tuner.run(false, {}, nullptr);
                QFAIL(qPrintable(QString::fromStdString("no error: " + fragment)));
            } catch (const std::exception& error) {
                QVERIFY2(std::string(error.what()).find(fragment) != std::string::npos,
                         error.what());
            }
        };
        FineTuneConfig config = tinyConfig(cache_);
        config.trainCases.clear();
        expectError(config, "no labeled scans");
        config = tinyConfig(cache_);
        config.preprocessing.spacing = {2.0, 2.0, 2.0};
        expectError(config, "other settings");
        config = tinyConfig(cache_);
        config.classValues = {0, 6};
        config.classNames = {"background", "liver"};
        expectError(config, "label value 2");
        config = tinyConfig(cache_);
        config.crop = {64, 64, 64};
        expectError(config, "larger than every");
        config = tinyConfig(cache_);
        config.validationCases = {"missing"};
        expectError(config, "missing.json: no prepared validation case");
        if (!torch::cuda::is_available()) {
            config = tinyConfig(cache_);
            config.device = "cuda";
            expectError(config, "--device cuda");
        }
    }
};

QTEST_GUILESS_MAIN(FineTuneTest)
#include "test_finetune.moc"
