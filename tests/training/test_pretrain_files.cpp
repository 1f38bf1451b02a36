#include <QtTest/QtTest>

#include <filesystem>
#include <fstream>

#include "pretrain/PretrainConfig.h"
#include "pretrain/PretrainFiles.h"
#include "run/RunFolder.h"

using namespace logonet;
using namespace logonet::training;
namespace fs = std::filesystem;

namespace {

// Runs `call`, which must throw std::runtime_error; returns its message.
template <typename Call>
std::string messageOf(Call call) {
    try {
        call();
    } catch (const std::runtime_error& error) {
        return error.what();
    }
    return "(no error)";
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

// What a self-contained pre-training run folder holds (config.json, crops, pseudo-labels), read
// back exactly, and every bad file named in its error.
class PretrainFilesTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void configRoundTrips() {
        PretrainConfig config;
        config.architecture = "logonet-tiny";
        config.outChannels = 14;
        config.crop = 32;
        config.axis = SliceAxis::Coronal;
        config.clusterSizes = {3, 5};
        config.tau = 0.5;
        config.mask = false;
        config.iterations = 7;
        config.batch = 2;
        config.seed = 9;
        config.threads = 1;
        config.cacheDirectory = "../../cache";
        config.cases = {"pretrain-crop32/scan-1", "pretrain-crop32/scan-4"};
        const Json json = config.toJson();
        QCOMPARE(QString::fromStdString(json.at("command").asString()), QStringLiteral("pretrain"));
        const PretrainConfig back = PretrainConfig::fromJson(json);
        QCOMPARE(back.toJson(), json);
        QVERIFY(back.axis == SliceAxis::Coronal);
        QCOMPARE(back.cases, config.cases);

        Json broken = json;
        broken["pretrain_cases"] = Json::array();
        QVERIFY_THROWS_EXCEPTION(JsonError, PretrainConfig::fromJson(broken));
    }

    void readNamesTheConfigAndTheProblem() {
        QTemporaryDir dir;
        const std::string run = dir.path().toStdString() + "/ft";
        Json fineTuning = Json::object();
        fineTuning["arch"] = "logonet-tiny";
        RunFolder(run).writeConfig(fineTuning);
        const std::string message = messageOf([&] { PretrainConfig::read(run); });
        QVERIFY2(contains(message, "config.json") && contains(message, "not a pre-training run"),
                 message.c_str());
        QVERIFY2(contains(messageOf([&] { PretrainConfig::read(run + "-none"); }), "no config"),
                 "a missing folder");
    }

    void cropsAreWrittenOnceAndCheckedOnRead() {
        QTemporaryDir dir;
        const std::string path = dir.path().toStdString() + "/cache/pretrain-crop8/scan-1.pt";
        const torch::Tensor volume = torch::rand({8, 8, 8});
        QVERIFY(writePretrainCrop(path, volume));
        const auto written = fs::last_write_time(path);
        // The same crop again leaves the file (and its time, which rsync compares) alone.
        QVERIFY(!writePretrainCrop(path, volume.clone()));
        QCOMPARE(fs::last_write_time(path), written);
        QVERIFY(torch::equal(readPretrainCrop(path, 8), volume));
        QVERIFY(writePretrainCrop(path, volume + 1));
        QVERIFY(torch::equal(readPretrainCrop(path, 8), volume + 1));
        QVERIFY(!fs::exists(path + ".partial"));

        std::string message = messageOf([&] { readPretrainCrop(path, 16); });
        QVERIFY2(contains(message, path) && contains(message, "8x8x8"), message.c_str());
        message = messageOf([&] { readPretrainCrop(path + "-gone", 8); });
        QVERIFY2(contains(message, "missing"), message.c_str());
        {
            std::ofstream junk(path);
            junk << "not a tensor";
        }
        message = messageOf([&] { readPretrainCrop(path, 8); });
        QVERIFY2(contains(message, path) && contains(message, "not a pre-training crop"),
                 message.c_str());
    }

    void pseudoLabelsKeepTheirShape() {
        QTemporaryDir dir;
        const std::string path = dir.path().toStdString() + "/pseudo_labels.pt";
        const torch::Tensor labels = torch::randint(0, 3, {2, 8, 3}, torch::kInt64);
        writePseudoLabels(path, labels);
        QVERIFY(torch::equal(readPseudoLabels(path, 2, 8, 3), labels));
        const std::string message = messageOf([&] { readPseudoLabels(path, 3, 8, 3); });
        QVERIFY2(contains(message, path) && contains(message, "2x8x3"), message.c_str());
    }
};

QTEST_GUILESS_MAIN(PretrainFilesTest)
#include "test_pretrain_files.moc"
