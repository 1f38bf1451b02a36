// The per-organ Dice chart: its bars and error bars are the numbers of the runs' evaluation
// files, grouped per organ when runs are compared; the box plot summarises the per-case Dice;
// PNG, PDF and CSV exports are written.
#include <qcustomplot.h>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <stdexcept>

#include "plots/DiceChart.h"
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
};

QTEST_MAIN(TestPlots)
#include "test_plots.moc"
