#include <QtTest/QtTest>

#include "EngineProcess.h"
#include "json/Json.h"

using namespace logonet;

namespace {

// The last line of stdout as JSON (each command's summary).
Json summaryOf(const EngineResult& result) {
    return Json::parse(result.out.trimmed().split('\n').last().toStdString());
}

}  // namespace

// The memory bounds of clustering and pre-training, through the real `logonet` program: the
// fitted slices within --row-memory-gb, the prepared cases within --case-memory-gb, and a
// pre-training whose cases are read from the cache when drawn gives what one holding them all
// gives.
class PretrainMemoryTest : public QObject {
    Q_OBJECT
  private:
    QTemporaryDir dir_;
    QString project_;

    QStringList clusterArguments() const {
        return {"cluster", "--project",    project_, "--crop",    "16", "--crops-per-scan",
                "4",       "--clusterers", "1",      "--k-min",   "3",  "--k-max",
                "4",       "--iters",      "2",      "--threads", "2"};
    }

  private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        project_ = dir_.path() + "/project";
        const QString data = dir_.path() + "/data";
        EngineResult r = runEngine(
            {"demo-data", "--out", data, "--cases", "3", "--size", "40,40,32", "--seed", "5"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = runEngine({"project", "create", project_});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = runEngine({"import", data + "/imagesTr", "--project", project_, "--unlabeled"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    void clusteringDrawsEveryCropThatFits() {
        const EngineResult r = runEngine(clusterArguments());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const Json summary = summaryOf(r);
        QCOMPARE(summary.at("crops").asInt(), int64_t{12});
        QCOMPARE(summary.at("crops_requested").asInt(), int64_t{12});
        QCOMPARE(summary.at("slices").asInt(), int64_t{12 * 16});
        QVERIFY2(!r.err.contains("note:"), qPrintable(r.err));
    }

    void clusteringDrawsFewerCropsOverItsBudgetAndSaysSo() {
        // A 16^3 crop's slices are 16,384 bytes: 90,000 bytes hold 5 of the 12 crops asked for.
        const EngineResult r = runEngine(clusterArguments() << "--row-memory-gb"
                                                            << "0.00009");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const Json summary = summaryOf(r);
        QCOMPARE(summary.at("crops").asInt(), int64_t{5});
        QCOMPARE(summary.at("crops_requested").asInt(), int64_t{12});
        QCOMPARE(summary.at("slices").asInt(), int64_t{5 * 16});
        QVERIFY2(r.err.contains("note: 5 crops instead of 4 x 3 scans"), qPrintable(r.err));
        QVERIFY2(r.err.contains("--row-memory-gb"), qPrintable(r.err));
    }

    void aBadBudgetIsRefused() {
        for (const char* value : {"0", "-1", "lots"}) {
            const EngineResult r = runEngine(clusterArguments() << "--row-memory-gb" << value);
            QVERIFY2(r.exitCode != 0, value);
            QVERIFY2(r.err.contains("--row-memory-gb"), qPrintable(r.err));
        }
    }

    void preTrainingReadsCasesWhenDrawnWithTheSameResult() {
        // logonet-tiny takes crops of multiples of 32.
        QStringList cluster = clusterArguments();
        cluster[cluster.indexOf("--crop") + 1] = "32";
        const EngineResult clustered = runEngine(cluster);
        QVERIFY2(clustered.exitCode == 0, qPrintable(clustered.err));
        QStringList arguments{"pretrain", "--project", project_, "--arch", "logonet-tiny",
                              "--iters",  "2",         "--seed", "3",      "--batch",
                              "2",        "--threads", "2",      "--run"};
        const EngineResult all = runEngine(QStringList(arguments) << "held");
        QVERIFY2(all.exitCode == 0, qPrintable(all.err));
        // A budget below one case: every draw reads its case from the cache again.
        const EngineResult read = runEngine(QStringList(arguments) << "read"
                                                                   << "--case-memory-gb"
                                                                   << "0.000001");
        QVERIFY2(read.exitCode == 0, qPrintable(read.err));
        const Json a = summaryOf(all);
        const Json b = summaryOf(read);
        QCOMPARE(b.at("final_loss").asNumber(), a.at("final_loss").asNumber());
        QCOMPARE(b.at("pretext").dump(), a.at("pretext").dump());
        const EngineResult refused = runEngine(QStringList(arguments) << "bad"
                                                                      << "--case-memory-gb"
                                                                      << "-2");
        QVERIFY(refused.exitCode != 0);
        QVERIFY2(refused.err.contains("--case-memory-gb"), qPrintable(refused.err));
    }
};

QTEST_GUILESS_MAIN(PretrainMemoryTest)
#include "test_pretrain_memory.moc"
