#include <QtTest/QtTest>

#include <filesystem>

#include "EngineProcess.h"
#include "json/Json.h"

using namespace logonet;
namespace fs = std::filesystem;

// The fine-tuning commands end to end on tiny phantoms through the real `logonet` program.
class RunCommandsTest : public QObject {
    Q_OBJECT
  private:
    QTemporaryDir dir_;
    QString project_;
    QString data_;

    QString path(const QString& relative) const { return dir_.path() + "/" + relative; }

    void expectFailure(const QStringList& arguments, const QString& fragment) {
        const EngineResult r = runEngine(arguments);
        QVERIFY2(r.exitCode != 0, qPrintable(arguments.join(' ')));
        QVERIFY2(r.err.contains(fragment), qPrintable(r.err));
        QVERIFY2(!r.err.contains("terminate called"), qPrintable(r.err));
    }

  private Q_SLOTS:
    void initTestCase() {
        data_ = path("data");
        project_ = path("project");
        EngineResult r = runEngine(
            {"demo-data", "--out", data_, "--cases", "3", "--size", "48,48,32", "--seed", "5"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = runEngine({"demo-data", "--out", path("held-out"), "--cases", "1", "--size", "48,48,32",
                       "--seed", "40"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = runEngine({"project", "create", project_, "--labels", "btcv"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = runEngine({"import", data_ + "/imagesTr", "--labels", data_ + "/labelsTr", "--project",
                       project_});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = runEngine({"import", path("held-out") + "/imagesTr", "--labels",
                       path("held-out") + "/labelsTr", "--split", "test", "--project", project_});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    void prepareCachesEveryScanOnce() {
        EngineResult r = runEngine({"prepare", "--project", project_, "--json"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        Json last = Json::parse(r.out.trimmed().split('\n').last().toStdString());
        QCOMPARE(last.at("prepared").asInt(), int64_t{4});
        QVERIFY(fs::exists(project_.toStdString() + "/cache/scan_000001.bin"));
        r = runEngine({"prepare", "--project", project_, "--json"});
        last = Json::parse(r.out.trimmed().split('\n').last().toStdString());
        QCOMPARE(last.at("prepared").asInt(), int64_t{0});
        QCOMPARE(last.at("skipped").asInt(), int64_t{4});
    }

    void trainWritesTheRunFolder() {
        const EngineResult r =
            runEngine({"train", "--project", project_, "--run", "r1", "--arch", "logonet-tiny",
                       "--iters", "3", "--crop", "32", "--batch", "2", "--threads", "2",
                       "--progress", "json", "--checkpoint-every", "2"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        int steps = 0;
        for (const QString& line : r.out.trimmed().split('\n')) {
            const Json event = Json::parse(line.toStdString());
            if (event.value("event", std::string()) == "step") {
                ++steps;
                for (const char* key :
                     {"epoch", "loss", "dice_loss", "ce_loss", "lr", "it_per_s", "memory_mb"}) {
                    QVERIFY2(event.contains(key), key);
                }
            }
        }
        QCOMPARE(steps, 3);
        const std::string run = project_.toStdString() + "/runs/r1";
        for (const char* file : {"config.json", "events.jsonl", "checkpoints/last.pt",
                                 "checkpoints/best.pt", "metrics.json"}) {
            QVERIFY2(fs::exists(run + "/" + file), file);
        }
        QCOMPARE(readJsonFile(run + "/metrics.json").at("steps").asInt(), int64_t{3});
    }

    // Without a terminal (a log file, the workstation, a Slurm job) progress comes as plain
    // lines, not as a bar redrawn with carriage returns.
    void progressIsPlainLinesWithoutATerminal() {
        const EngineResult r = runEngine({"train", "--project", project_, "--run", "plain-lines",
                                          "--arch", "logonet-tiny", "--iters", "3", "--crop", "32",
                                          "--batch", "2", "--threads", "2"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(!r.err.contains('\r'), qPrintable(r.err));
        QVERIFY2(r.err.contains("step 1/3 loss"), qPrintable(r.err));
        QVERIFY2(r.err.contains("step 3/3 loss"), qPrintable(r.err));
    }

    void inferKeepsTheScansAffine() {
        const QString image = data_ + "/imagesTr/case_001.nii.gz";
        const QString out = path("prediction.nii.gz");
        const QString probabilities = path("foreground.nii.gz");
        const EngineResult r =
            runEngine({"infer", "--run", project_ + "/runs/r1", "--image", image, "--out", out,
                       "--blend", "constant", "--tta", "--probabilities", probabilities});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QProcess python;
        python.start(
            LOGONET_PYTHON_EXECUTABLE,
            {"-c",
             "import sys, nibabel as nib, numpy as np\n"
             "a = nib.load(sys.argv[1]); b = nib.load(sys.argv[2]); c = nib.load(sys.argv[3])\n"
             "assert a.shape == b.shape == c.shape, (a.shape, b.shape)\n"
             "assert np.allclose(a.affine, b.affine, atol=1e-4), (a.affine, b.affine)\n"
             "assert np.allclose(a.affine, c.affine, atol=1e-4)\n"
             "v = np.asarray(b.dataobj); assert v.min() >= 0\n"
             "print('ok')\n",
             image, out, probabilities});
        QVERIFY(python.waitForFinished(30000));
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
        QCOMPARE(QString(python.readAllStandardOutput()).trimmed(), QString("ok"));
    }

    void inferInAProjectStoresAPrediction() {
        const EngineResult r =
            runEngine({"infer", "--run", project_ + "/runs/r1", "--scan", "2", "--project",
                       project_, "--out", path("scan2.nii.gz"), "--json"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const Json done = Json::parse(r.out.trimmed().split('\n').last().toStdString());
        QVERIFY(done.at("label_version").asInt() > 0);
    }

    // Several scans in one process, each a label version named after the run, a line each.
    void inferPredictsSeveralScansWithProgress() {
        const EngineResult r = runEngine({"infer", "--run", project_ + "/runs/r1", "--project",
                                          project_, "--scan", "1", "--scan", "3", "--json"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QStringList predicted;
        for (const QString& line : r.out.trimmed().split('\n')) {
            const Json event = Json::parse(line.toStdString());
            if (event.at("event").asString() == "predicted") {
                predicted << QString::number(event.at("scan").asInt()) + "/" +
                                 QString::number(event.at("done").asInt()) + "/" +
                                 QString::number(event.at("total").asInt());
                QVERIFY(event.at("label_version").asInt() > 0);
            }
        }
        QCOMPARE(predicted, QStringList({"1/1/2", "3/2/2"}));
    }

    // A run of another label set is refused before predicting, with both label sets named.
    void inferRefusesARunOfAnotherLabelSet() {
        const QString labels = path("two-labels.json");
        QFile file(labels);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"labels": [{"value": 1, "name": "tumour", "colour": [255, 0, 0]},
                                  {"value": 2, "name": "cyst", "colour": [0, 255, 0]}]})");
        file.close();
        const QString other = path("other-labels");
        QCOMPARE(runEngine({"project", "create", other, "--labels", labels}).exitCode, 0);
        QCOMPARE(
            runEngine({"import", data_ + "/imagesTr", "--unlabeled", "--project", other}).exitCode,
            0);
        const EngineResult r =
            runEngine({"infer", "--run", project_ + "/runs/r1", "--project", other, "--scan", "1"});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains("1 spleen") && r.err.contains("1 tumour, 2 cyst"),
                 qPrintable(r.err));
        QVERIFY2(!QDir(other + "/labels").exists() || QDir(other + "/labels").isEmpty(),
                 "nothing stored");
    }

    // A fresh project trains without `logonet prepare`: the run prepares its scans, and a
    // run with other settings prepares them again instead of failing.
    void trainPreparesItsScansFirst() {
        const QString fresh = path("fresh");
        QCOMPARE(runEngine({"project", "create", fresh}).exitCode, 0);
        QCOMPARE(runEngine({"import", data_ + "/imagesTr", "--labels", data_ + "/labelsTr",
                            "--project", fresh})
                     .exitCode,
                 0);
        QVERIFY(!fs::exists(fresh.toStdString() + "/cache/scan_000001.json"));
        const QStringList train{"train",        "--project", fresh, "--arch",
                                "logonet-tiny", "--iters",   "1",   "--crop",
                                "32",           "--batch",   "2"};
        EngineResult r = runEngine(train + QStringList{"--run", "first"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains("prepared 3 of 3 scans"), qPrintable(r.err));
        QVERIFY(fs::exists(fresh.toStdString() + "/cache/scan_000001.json"));
        // Also in the run's events.jsonl, which the workstation follows from the start.
        QFile events(fresh + "/runs/first/events.jsonl");
        QVERIFY(events.open(QIODevice::ReadOnly));
        QCOMPARE(events.readAll().count(R"("event":"prepared")"), 3);
        r = runEngine(train + QStringList{"--run", "second"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(!r.err.contains("prepared"), qPrintable(r.err));
        r = runEngine(train + QStringList{"--run", "finer", "--spacing", "1.5,1.5,1.5"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains("prepared 3 of 3 scans"), qPrintable(r.err));
        const Json header = readJsonFile(fresh.toStdString() + "/cache/scan_000002.json");
        QCOMPARE(header.at("settings").at("spacing").asArray().back().asNumber(), 1.5);
    }

    void evaluateReportsPerClassScores() {
        const EngineResult r = runEngine({"evaluate", "--run", project_ + "/runs/r1", "--project",
                                          project_, "--split", "test", "--json"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QStringList lines = r.out.trimmed().split('\n');
        const Json result = Json::parse(lines.last().toStdString());
        QVERIFY(result.at("mean_dice").isNumber());
        // One progress line per scored case before it, counting up to the cases scored.
        const int cases = static_cast<int>(result.at("cases").asNumber());
        QVERIFY(cases >= 1);
        QCOMPARE(lines.size(), cases + 1);
        for (int i = 0; i < cases; ++i) {
            const Json event = Json::parse(lines[i].toStdString());
            QCOMPARE(QString::fromStdString(event.at("event").asString()), QString("evaluated"));
            QCOMPARE(static_cast<int>(event.at("done").asNumber()), i + 1);
            QCOMPARE(static_cast<int>(event.at("total").asNumber()), cases);
            QVERIFY(!event.at("case").asString().empty());
        }
        QVERIFY(result.at("per_class").isObject());
        QVERIFY(result.at("per_class").asObject().size() >= 1);
        QVERIFY(fs::exists(project_.toStdString() + "/runs/r1/evaluation.json"));
    }

    void errorsAreClear() {
        const QStringList train{"train",        "--project", project_, "--arch",
                                "logonet-tiny", "--iters",   "1",      "--crop",
                                "32",           "--batch",   "1"};
        expectFailure(train + QStringList{"--run", "r1"}, "already exists");
        expectFailure(train + QStringList{"--run", "e2", "--crop", "256"}, "larger than every");
        if (!QFile::exists("/dev/nvidia0")) {
            expectFailure(train + QStringList{"--run", "e3", "--device", "cuda"}, "--device cuda");
        }
        // A corrupted checkpoint, and a checkpoint of another architecture.
        const std::string r1 = project_.toStdString() + "/runs/r1";
        QVERIFY(fs::exists(r1 + "/checkpoints/last.pt"));
        const std::string broken = project_.toStdString() + "/runs/broken";
        fs::copy(r1, broken, fs::copy_options::recursive);
        fs::resize_file(broken + "/checkpoints/last.pt", 100);
        expectFailure(
            {"train", "--run", QString::fromStdString(broken), "--resume", "--iters", "6"},
            "corrupted");
        const std::string foreign = project_.toStdString() + "/runs/foreign";
        fs::copy(r1, foreign, fs::copy_options::recursive);
        Json config = readJsonFile(foreign + "/config.json");
        config["architecture"] = "unet";
        writeJsonFileAtomically(foreign + "/config.json", config);
        expectFailure(
            {"train", "--run", QString::fromStdString(foreign), "--resume", "--iters", "6"},
            "architecture 'logonet-tiny'");
        // A project without labeled scans.
        const QString unlabeled = path("unlabeled");
        QCOMPARE(runEngine({"project", "create", unlabeled, "--labels", "btcv"}).exitCode, 0);
        QCOMPARE(runEngine({"import", data_ + "/imagesTr", "--unlabeled", "--project", unlabeled})
                     .exitCode,
                 0);
        QCOMPARE(runEngine({"prepare", "--project", unlabeled}).exitCode, 0);
        expectFailure({"train", "--project", unlabeled, "--run", "x", "--iters", "1"},
                      "no labeled scans");
    }
};

QTEST_GUILESS_MAIN(RunCommandsTest)
#include "test_run_commands.moc"
