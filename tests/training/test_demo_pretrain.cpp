#include <QtTest/QtTest>

#include <fstream>
#include <string>

#include "EngineProcess.h"
#include "json/Json.h"

using namespace logonet;

namespace {

Json readJson(const QString& path) {
    std::ifstream in(path.toStdString());
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return Json::parse(text);
}

// The events.jsonl line of the given kind, or null.
Json findEvent(const QString& path, const std::string& kind) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Json();
    }
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (line.trimmed().isEmpty()) {
            continue;
        }
        const Json event = Json::parse(line.toStdString());
        if (event.value("event", std::string()) == kind) {
            return event;
        }
    }
    return Json();
}

}  // namespace

// `logonet demo --pretrain` with tiny settings through the real program: both Dice tables, and
// the second fine-tuning run starts from the pre-training run's weights.
class DemoPretrainTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void printsBothTablesAndTransfersThePretrainedWeights() {
        QTemporaryDir dir;
        const QString demo = dir.path() + "/demo";
        const EngineResult r = runEngine(
            {"demo", "--pretrain", "--dir", demo, "--cases", "3", "--unlabeled", "2", "--iters",
             "2", "--pretrain-iters", "2", "--clusterers", "2", "--threads", "2", "--json"},
            600000);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));

        // stdout ends with one object: the plain demo's keys, and the same under "pretrained".
        const Json last = Json::parse(r.out.trimmed().split('\n').last().toStdString());
        for (const char* key : {"mean_dice", "per_class", "classes", "cases"}) {
            QVERIFY2(last.contains(key), key);
            QVERIFY2(last.at("pretrained").contains(key), key);
        }
        QCOMPARE(last.at("cases").asInt(), int64_t{1});
        const auto& scratch = last.at("per_class").asObject();
        const auto& pretrained = last.at("pretrained").at("per_class").asObject();
        QVERIFY(!scratch.empty());
        QCOMPARE(pretrained.size(), scratch.size());

        // The table for a person (stderr with --json): both columns, a row per organ.
        QVERIFY2(r.err.contains("Dice (scratch)") && r.err.contains("Dice (pre-trained)"),
                 qPrintable(r.err));
        QVERIFY(r.err.contains("mean Dice"));
        for (const auto& entry : scratch) {
            QVERIFY2(r.err.contains(QString::fromStdString(entry.first)), entry.first.c_str());
        }

        // The pre-training run, and the transfer report of the run fine-tuned from it.
        const QString runs = demo + "/project/runs/";
        const Json pretraining = readJson(runs + "pretrain/config.json");
        QCOMPARE(pretraining.value("kind", std::string()), std::string("pretraining"));
        QCOMPARE(pretraining.value("arch", std::string()), std::string("logonet-tiny"));
        const std::string init = readJson(runs + "demo-pretrained/config.json").value("init", "");
        QVERIFY2(init.find("/runs/pretrain/checkpoints/") != std::string::npos, init.c_str());
        const Json transfer = findEvent(runs + "demo-pretrained/events.jsonl", "init");
        QVERIFY2(transfer.isObject(), "no init event in the pre-trained run");
        QCOMPARE(transfer.value("from", std::string()), init);
        // Both branches whole (the spec's transfer); only the segmentation head starts new.
        QCOMPARE(transfer.value("scope", std::string()), std::string("branches"));
        QVERIFY(transfer.value("loaded", int64_t{0}) > 150);  // encoders and decoders
        QCOMPARE(transfer.value("excluded", int64_t{-1}), int64_t{0});
        QVERIFY(transfer.value("new", int64_t{0}) > 0);  // the segmentation head
        QCOMPARE(transfer.value("skipped", int64_t{-1}), int64_t{0});
        // The run from scratch loaded nothing.
        QCOMPARE(readJson(runs + "demo/config.json").value("init", "x"), std::string());
        QVERIFY(!findEvent(runs + "demo/events.jsonl", "init").isObject());
    }
};

QTEST_GUILESS_MAIN(DemoPretrainTest)
#include "test_demo_pretrain.moc"
