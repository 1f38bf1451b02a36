// The per-organ Dice chart: its bars and error bars are the numbers of the runs' evaluation
// files, grouped per organ when runs are compared; the box plot summarises the per-case Dice;
// PNG, PDF and CSV exports are written. The pre-training experiment chart draws one line per arm
// of experiments/pretraining.json with its error bars, and names a missing or malformed file.
#include <qcustomplot.h>
#include <QDir>
#include <QFile>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <stdexcept>

#include "plots/DiceChart.h"
#include "plots/PretrainingChart.h"
#include "plots/RunScores.h"

using namespace logonet::views;

namespace {

// An evaluation.json as `logonet evaluate` writes it: three cases, two organs, the kidney missed
// in one case (HD95 null).
const char* kEvaluation = R"({
  "mean_dice": 0.6, "run": "demo", "split": "test",
  "per_class": {"liver": 0.8, "kidney": 0.4},
  "classes": [
    {"value": 6, "name": "liver", "cases": 3, "dice_mean": 0.8, "dice_std": 0.0816496580927726,
     "hd95_mean": 5.0, "hd95_std": 1.0, "missed": 0},
    {"value": 2, "name": "kidney", "cases": 3, "dice_mean": 0.4, "dice_std": 0.2828427124746190,
     "hd95_mean": 12.0, "hd95_std": 2.0, "missed": 1}
  ],
  "cases": {
    "case_a": {"liver": {"dice": 0.7, "hd95": 6.0}, "kidney": {"dice": 0.0, "hd95": null}},
    "case_b": {"liver": {"dice": 0.8, "hd95": 5.0}, "kidney": {"dice": 0.6, "hd95": 10.0}},
    "case_c": {"liver": {"dice": 0.9, "hd95": 4.0}, "kidney": {"dice": 0.6, "hd95": 14.0}}
  }
})";

QString writeRun(const QTemporaryDir& dir, const QString& name, const QByteArray& text) {
    const QString run = dir.filePath("runs/" + name);
    QDir().mkpath(run);
    QFile file(run + "/evaluation.json");
    file.open(QIODevice::WriteOnly);
    file.write(text);
    return run;
}

// experiments/pretraining.json as `logonet experiment pretraining` writes it: three counts, the
// shuffled-label control only with 1 and 2 labeled cases.
const char* kExperiment = R"({
  "1": {"arms": {"pretrained": {"mean": 0.41, "sd": 0.05}, "scratch": {"mean": 0.35, "sd": 0.04},
                 "shuffled_labels": {"mean": 0.33, "sd": 0.06}},
        "paired_difference": {"mean": 0.06, "sd": 0.02}, "pairs": [{}, {}, {}]},
  "2": {"arms": {"pretrained": {"mean": 0.55, "sd": 0.03}, "scratch": {"mean": 0.5, "sd": 0.02},
                 "shuffled_labels": {"mean": 0.49, "sd": 0.03}},
        "paired_difference": {"mean": 0.05, "sd": 0.01}, "pairs": [{}, {}, {}]},
  "4": {"arms": {"pretrained": {"mean": 0.7, "sd": 0.01}, "scratch": {"mean": 0.69, "sd": 0.02}},
        "paired_difference": {"mean": 0.01, "sd": 0.015}, "pairs": [{}, {}, {}]},
  "seeds": 3, "date": "2026-12-03T10:00:00Z", "quick": true, "seconds": 737.0
})";

void writeFile(const QString& path, const QByteArray& text) {
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(text), text.size());
}

QVector<double> graphKeys(const QCPGraph* graph) {
    QVector<double> out;
    for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it) {
        out << it->key;
    }
    return out;
}

QVector<double> graphValues(const QCPGraph* graph) {
    QVector<double> out;
    for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it) {
        out << it->value;
    }
    return out;
}

QVector<double> values(const QCPBars* bars) {
    QVector<double> out;
    for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it) {
        out << it->value;
    }
    return out;
}

}  // namespace

class TestPlots : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void scoresAreReadFromTheEvaluationFile() {
        QTemporaryDir dir;
        const RunScores scores = RunScores::fromRun(writeRun(dir, "demo", kEvaluation));
        QCOMPARE(scores.run, QStringLiteral("demo"));
        QCOMPARE(scores.organs.size(), 2);
        QCOMPARE(scores.organs[0].name, QStringLiteral("liver"));
        QCOMPARE(scores.organs[1].diceMean, 0.4);
        QCOMPARE(scores.cases.size(), 3);
        QVERIFY(std::isnan(scores.cases["case_a"]["kidney"].hd95));
        QCOMPARE(scores.caseDice("kidney"), QVector<double>({0.0, 0.6, 0.6}));
    }

    void unreadableFilesAreNamed() {
        QTemporaryDir dir;
        try {
            RunScores::fromRun(dir.filePath("runs/none"));
            QFAIL("a missing evaluation must throw");
        } catch (const std::runtime_error& error) {
            QVERIFY(QString(error.what()).contains("runs/none/evaluation.json"));
        }
        const QString bad = writeRun(dir, "bad", "{\"mean_dice\": 1}");
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, RunScores::fromRun(bad));
    }

    void barsEqualTheMetricsFile() {
        QTemporaryDir dir;
        const RunScores scores = RunScores::fromRun(writeRun(dir, "demo", kEvaluation));
        DiceChart chart;
        chart.setRuns({scores});
        QCOMPARE(chart.organs(), QStringList({"liver", "kidney"}));
        QCPBars* bars = chart.bars(0);
        QVERIFY(bars != nullptr);
        QCOMPARE(values(bars), QVector<double>({0.8, 0.4}));
        // The error bars are the standard deviations of the file.
        QCPErrorBars* errors = nullptr;
        for (int p = 0; p < chart.plot()->plottableCount(); ++p) {
            if (auto* e = qobject_cast<QCPErrorBars*>(chart.plot()->plottable(p))) {
                errors = e;
            }
        }
        QVERIFY(errors != nullptr);
        QCOMPARE(errors->dataCount(), 2);
        QCOMPARE(errors->data()->at(0).errorPlus, 0.0816496580927726);
        QCOMPARE(errors->data()->at(1).errorMinus, 0.2828427124746190);
    }

    void runsAreGroupedPerOrgan() {
        QTemporaryDir dir;
        QByteArray other = kEvaluation;
        other.replace("\"dice_mean\": 0.8", "\"dice_mean\": 0.85");
        DiceChart chart;
        chart.setRuns({RunScores::fromRun(writeRun(dir, "logonet", kEvaluation)),
                       RunScores::fromRun(writeRun(dir, "pretrained", other))});
        QVERIFY(chart.bars(0) && chart.bars(1));
        QCOMPARE(values(chart.bars(1)), QVector<double>({0.85, 0.4}));
        QVERIFY(chart.bars(0)->barsGroup() != nullptr);
        QCOMPARE(chart.bars(0)->barsGroup(), chart.bars(1)->barsGroup());
        QCOMPARE(chart.bars(1)->name(), QStringLiteral("pretrained"));
    }

    void boxPlotSummarisesTheCases() {
        QTemporaryDir dir;
        DiceChart chart;
        chart.setRuns({RunScores::fromRun(writeRun(dir, "demo", kEvaluation))});
        chart.setStyle(DiceChart::Style::BoxPlot);
        QCOMPARE(chart.bars(0), nullptr);
        QCPStatisticalBox* boxes = nullptr;
        for (int p = 0; p < chart.plot()->plottableCount(); ++p) {
            if (auto* b = qobject_cast<QCPStatisticalBox*>(chart.plot()->plottable(p))) {
                boxes = b;
            }
        }
        QVERIFY(boxes != nullptr);
        QCOMPARE(boxes->dataCount(), 2);
        const QCPStatisticalBoxData liver = *boxes->data()->at(0);
        QCOMPARE(liver.minimum, 0.7);
        QCOMPARE(liver.median, 0.8);
        QCOMPARE(liver.maximum, 0.9);
        QCOMPARE(liver.lowerQuartile, 0.75);
        const QCPStatisticalBoxData kidney = *boxes->data()->at(1);
        QCOMPARE(kidney.minimum, 0.0);
        QCOMPARE(kidney.median, 0.6);
        QCOMPARE(kidney.lowerQuartile, 0.3);
    }

    void exports() {
        QTemporaryDir dir;
        DiceChart chart;
        chart.setRuns({RunScores::fromRun(writeRun(dir, "demo", kEvaluation))});
        chart.exportImage(dir.filePath("dice.png"));
        chart.exportImage(dir.filePath("dice.pdf"));
        QVERIFY(QFileInfo(dir.filePath("dice.png")).size() > 1000);
        QVERIFY(QFileInfo(dir.filePath("dice.pdf")).size() > 1000);
        chart.exportCsv(dir.filePath("dice.csv"));
        QFile csv(dir.filePath("dice.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(csv.readAll()).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines[0], QStringLiteral("run,organ,cases,dice_mean,dice_std,hd95_mean,hd95_std"));
        QCOMPARE(lines[1], QStringLiteral("demo,liver,3,0.8,0.081649658,5,1"));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 chart.exportCsv(dir.filePath("no/such/folder/dice.csv")));
    }

    void experimentChartHasALinePerArmWithErrorBars() {
        QTemporaryDir dir;
        writeFile(dir.filePath("experiments/pretraining.json"), kExperiment);
        PretrainingChart chart;
        chart.setProject(dir.path());
        QVERIFY2(chart.message().isEmpty(), qPrintable(chart.message()));
        QCOMPARE(chart.arms(), QStringList({"scratch", "pretrained", "shuffled_labels"}));
        QCOMPARE(chart.plot()->graphCount(), 3);
        // 1, 2 and 4 labeled cases evenly spaced (each a doubling), the arms a little apart.
        const QVector<double> expectedKeys{0.0, 1.0, 2.0};
        const QCPGraph* pretrained = chart.graph("pretrained");
        QVERIFY(pretrained != nullptr);
        QCOMPARE(graphValues(pretrained), QVector<double>({0.41, 0.55, 0.7}));
        QCOMPARE(graphKeys(pretrained).size(), 3);
        for (int i = 0; i < 3; ++i) {
            QVERIFY(std::abs(graphKeys(pretrained)[i] - expectedKeys[i]) < 0.15);
        }
        QCOMPARE(graphValues(chart.graph("scratch")), QVector<double>({0.35, 0.5, 0.69}));
        QCOMPARE(graphValues(chart.graph("shuffled_labels")), QVector<double>({0.33, 0.49}));
        QCOMPARE(chart.graph("pretrained")->name(), QStringLiteral("Pre-trained"));
        // Error bars: the standard deviations over the seeds, on the arm's own points.
        const QCPErrorBars* errors = chart.errorBars("scratch");
        QVERIFY(errors != nullptr);
        QCOMPARE(errors->dataPlottable(), chart.graph("scratch"));
        QCOMPARE(errors->dataCount(), 3);
        QCOMPARE(errors->data()->at(0).errorPlus, 0.04);
        QCOMPARE(errors->data()->at(2).errorMinus, 0.02);
        QCOMPARE(chart.plot()->xAxis->label().isEmpty(), false);
        QCOMPARE(chart.plot()->yAxis->label().isEmpty(), false);
        QVERIFY(chart.plot()->legend->visible());
        // The table: a column per count, a row per arm with its mean +- sd, the paired difference
        // last.
        const QTableWidget* table = chart.table();
        QCOMPARE(table->rowCount(), 4);
        QCOMPARE(table->columnCount(), 4);
        QCOMPARE(table->horizontalHeaderItem(1)->text(), QStringLiteral("1 labeled"));
        QCOMPARE(table->item(1, 0)->text(), QStringLiteral("Pre-trained"));
        QCOMPARE(table->item(1, 1)->text(), QString::fromUtf8("0.410 \u00b1 0.050"));
        QCOMPARE(table->item(0, 3)->text(), QString::fromUtf8("0.690 \u00b1 0.020"));
        QCOMPARE(table->item(2, 3)->text(), QString::fromUtf8("\u2013"));  // no control at 4
        QCOMPARE(table->item(3, 2)->text(), QString::fromUtf8("+0.050 \u00b1 0.010"));
        QCOMPARE(chart.results().seeds, 3);
        QVERIFY(chart.results().quick);
    }

    void experimentChartNamesAMissingOrMalformedFile() {
        QTemporaryDir dir;
        PretrainingChart chart;
        chart.setProject(dir.path());
        QVERIFY2(chart.message().contains("No pre-training experiment yet") &&
                     chart.message().contains("logonet experiment pretraining --project"),
                 qPrintable(chart.message()));
        QCOMPARE(chart.plot()->plottableCount(), 0);
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, chart.exportImage(dir.filePath("x.png")));

        const QString file = dir.filePath("experiments/pretraining.json");
        writeFile(file, R"({"1": {"arms": {"scratch": {"mean": "high", "sd": 0.1}}}})");
        chart.reload();
        QVERIFY2(chart.message().contains(file) && chart.message().contains("scratch"),
                 qPrintable(chart.message()));
        QCOMPARE(chart.plot()->plottableCount(), 0);
        QCOMPARE(chart.table()->rowCount(), 0);

        writeFile(file, QByteArray(kExperiment).left(120));  // cut short
        chart.reload();
        QVERIFY2(chart.message().contains(file) && chart.message().contains("not JSON"),
                 qPrintable(chart.message()));
        QCOMPARE(chart.plot()->plottableCount(), 0);

        writeFile(file, R"({"seeds": 3})");
        chart.reload();
        QVERIFY2(chart.message().contains(file), qPrintable(chart.message()));

        // A link is not followed, even to a sound file.
        const QString elsewhere = dir.filePath("elsewhere.json");
        writeFile(elsewhere, kExperiment);
        QVERIFY(QFile::remove(file));
        QVERIFY(QFile::link(elsewhere, file));
        chart.reload();
        QVERIFY2(chart.message().contains("symbolic link"), qPrintable(chart.message()));
        QCOMPARE(chart.plot()->plottableCount(), 0);
    }

    void experimentChartFollowsTheFile() {
        QTemporaryDir dir;
        PretrainingChart chart;
        chart.setProject(dir.path());
        chart.show();
        QVERIFY(!chart.message().isEmpty());
        // Written as the engine writes it: a new folder, then a file renamed into place.
        QVERIFY(QDir().mkpath(dir.filePath("experiments")));
        writeFile(dir.filePath("experiments/.tmp-pretraining.json"), kExperiment);
        QVERIFY(QFile::rename(dir.filePath("experiments/.tmp-pretraining.json"),
                              dir.filePath("experiments/pretraining.json")));
        QTRY_VERIFY_WITH_TIMEOUT(chart.message().isEmpty(), 10000);
        QCOMPARE(chart.plot()->graphCount(), 3);
        QVERIFY(QFile::remove(dir.filePath("experiments/pretraining.json")));
        QTRY_VERIFY_WITH_TIMEOUT(!chart.message().isEmpty(), 10000);
        QCOMPARE(chart.plot()->plottableCount(), 0);
    }

    void experimentChartExports() {
        QTemporaryDir dir;
        writeFile(dir.filePath("experiments/pretraining.json"), kExperiment);
        PretrainingChart chart;
        chart.setProject(dir.path());
        chart.exportImage(dir.filePath("experiment.png"));
        chart.exportImage(dir.filePath("experiment.pdf"));
        QVERIFY(QFileInfo(dir.filePath("experiment.png")).size() > 1000);
        QVERIFY(QFileInfo(dir.filePath("experiment.pdf")).size() > 1000);
        QImage image(dir.filePath("experiment.png"));
        QVERIFY(!image.isNull());
        chart.exportCsv(dir.filePath("experiment.csv"));
        QFile csv(dir.filePath("experiment.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(csv.readAll()).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.first(), QStringLiteral("labeled_cases,arm,mean,sd"));
        QVERIFY(lines.contains(QStringLiteral("1,pretrained,0.41,0.05")));
        QVERIFY(lines.contains(QStringLiteral("4,paired_difference,0.01,0.015")));
        QCOMPARE(lines.size(), 1 + 4 + 4 + 3);
    }
};

QTEST_MAIN(TestPlots)
#include "test_plots.moc"
