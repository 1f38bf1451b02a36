#include <QtTest/QtTest>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>

#include "EngineProcess.h"

namespace {

QJsonObject readObject(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QJsonDocument::fromJson(file.readAll()).object();
}

QByteArray readBytes(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

}  // namespace

// `logonet experiment pretraining` end to end on a tiny phantom set: the JSON's shape, arms that
// are paired (the same seed and cases in both run folders), the paired difference recomputed
// from the per-seed scores, and a refusal before any training when labeled cases are too few.
class PretrainExperimentTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void tinyExperimentEndToEnd() {
        QTemporaryDir dir;
        const QString folder = dir.path() + "/experiment";
        const EngineResult result = runEngine({"experiment",
                                               "pretraining",
                                               "--dir",
                                               folder,
                                               "--counts",
                                               "1,2",
                                               "--seeds",
                                               "2",
                                               "--unlabeled",
                                               "3",
                                               "--held-out",
                                               "1",
                                               "--iters",
                                               "2",
                                               "--pretrain-iters",
                                               "2",
                                               "--clusterers",
                                               "2",
                                               "--control-counts",
                                               "1",
                                               "--controls",
                                               "pretrained_encoders,supervised",
                                               "--supervised-cases",
                                               "2",
                                               "--threads",
                                               "2",
                                               "--json"},
                                              600000);
        QVERIFY2(result.exitCode == 0, qPrintable(result.err.right(3000)));
        const QStringList lines = result.out.trimmed().split('\n');
        const QJsonObject summary = QJsonDocument::fromJson(lines.last().toUtf8()).object();
        QCOMPARE(summary.keys(), (QStringList{"1", "2"}));
        // The controls only where asked (--control-counts 1); scratch and the method everywhere.
        QCOMPARE(summary.value("2").toObject().value("arms").toObject().keys(),
                 (QStringList{"pretrained", "scratch"}));
        const QJsonObject one = summary.value("1").toObject();
        const QJsonObject arms = one.value("arms").toObject();
        QCOMPARE(arms.keys(),
                 (QStringList{"pretrained", "pretrained_encoders", "scratch", "supervised"}));
        // Pre-training saw the 3 unlabeled scans and the 2 labeled training ones (the spec's "all
        // scans"), never the held-out test scan.
        QVERIFY2(
            QRegularExpression("clustered \\d+ slices of 5 scans").match(result.err).hasMatch(),
            qPrintable(result.err.right(3000)));
        for (const QString& arm : arms.keys()) {
            const double mean = arms.value(arm).toObject().value("mean").toDouble(-1);
            QVERIFY2(mean >= 0.0 && mean <= 1.0, qPrintable(arm));
            QVERIFY(arms.value(arm).toObject().value("sd").toDouble(-1) >= 0.0);
        }
        // The paired difference, recomputed from the per-seed scores.
        const QJsonArray pairs = one.value("pairs").toArray();
        QCOMPARE(pairs.size(), 2);
        std::vector<double> differences;
        for (const auto& entry : pairs) {
            const QJsonObject dice = entry.toObject().value("dice").toObject();
            differences.push_back(dice.value("pretrained").toDouble() -
                                  dice.value("scratch").toDouble());
        }
        const double mean = (differences[0] + differences[1]) / 2.0;
        const double sd = std::abs(differences[0] - differences[1]) / std::sqrt(2.0);
        const QJsonObject paired = one.value("paired_difference").toObject();
        QVERIFY(std::abs(paired.value("mean").toDouble() - mean) < 1e-9);
        QVERIFY(std::abs(paired.value("sd").toDouble() - sd) < 1e-9);
        // Paired: per seed, both arms' run folders trained on the same cases with the same seed;
        // the pre-trained one started from the pre-training run, the other from nothing.
        for (int seed = 1; seed <= 2; ++seed) {
            const QString runs = folder + "/project/runs/experiment-";
            const QJsonObject scratch =
                readObject(runs + QString("scratch-n1-s%1/config.json").arg(seed));
            const QJsonObject pretrained =
                readObject(runs + QString("pretrained-n1-s%1/config.json").arg(seed));
            QVERIFY(!scratch.isEmpty() && !pretrained.isEmpty());
            QCOMPARE(scratch.value("train_cases"), pretrained.value("train_cases"));
            QCOMPARE(scratch.value("train_cases").toArray().size(), 1);
            QCOMPARE(scratch.value("seed"), pretrained.value("seed"));
            QCOMPARE(scratch.value("iterations"), pretrained.value("iterations"));
            QCOMPARE(scratch.value("lr"), pretrained.value("lr"));
            QVERIFY(scratch.value("init").toString().isEmpty());
            QVERIFY(!pretrained.value("init").toString().isEmpty());
            // The load report: every branch tensor of the pre-training run loaded.
            const QJsonObject report =
                readObject(runs + QString("pretrained-n1-s%1/init_report.json").arg(seed));
            QVERIFY(report.value("loaded").toArray().size() > 100);
            QCOMPARE(report.value("skipped").toArray().size(), 0);
            QCOMPARE(report.value("scope").toString(), QStringLiteral("branches"));
            // The encoders-only control: the same pre-training, decoders and head new.
            const QJsonObject encoders =
                readObject(runs + QString("pretrained_encoders-n1-s%1/init_report.json").arg(seed));
            QCOMPARE(encoders.value("scope").toString(), QStringLiteral("encoders"));
            QVERIFY(encoders.value("loaded").toArray().size() > 0);
            QVERIFY(encoders.value("loaded").toArray().size() <
                    report.value("loaded").toArray().size());
            QCOMPARE(readObject(runs + QString("pretrained_encoders-n1-s%1/config.json").arg(seed))
                         .value("train_cases"),
                     scratch.value("train_cases"));
            // The supervised upper bound: the same cases, from a network trained with labels on
            // phantoms of a project of its own, every tensor (the segmentation head too) loaded.
            const QJsonObject supervised =
                readObject(runs + QString("supervised-n1-s%1/config.json").arg(seed));
            QCOMPARE(supervised.value("train_cases"), scratch.value("train_cases"));
            const QJsonObject supervisedReport =
                readObject(runs + QString("supervised-n1-s%1/init_report.json").arg(seed));
            const QString trained = folder + "/supervised/project/runs/supervised/checkpoints/";
            const QByteArray start =
                readBytes(runs + QString("supervised-n1-s%1/init.pt").arg(seed));
            QVERIFY(!start.isEmpty());
            QVERIFY(start == readBytes(trained + "best.pt") ||
                    start == readBytes(trained + "last.pt"));
            QCOMPARE(supervisedReport.value("skipped").toArray().size(), 0);
            QCOMPARE(supervisedReport.value("new").toArray().size(), 0);
            QVERIFY(supervisedReport.value("loaded").toArray().size() >
                    report.value("loaded").toArray().size());
        }
        // The seeds picked different cases (a rotation of the pool), shown in the pairs.
        QCOMPARE(pairs[0].toObject().value("cases").toArray().size(), 1);
        // The same results, kept in the project for the workstation's chart, with when and how
        // they were measured.
        const QJsonObject stored = readObject(folder + "/project/experiments/pretraining.json");
        QCOMPARE(stored.keys(), (QStringList{"1", "2", "date", "quick", "seconds", "seeds"}));
        QCOMPARE(stored.value("1").toObject(), one);
        QCOMPARE(stored.value("seeds").toInt(), 2);
        QCOMPARE(stored.value("quick"), QJsonValue(false));
        QVERIFY(stored.value("seconds").toDouble() > 0.0);
        QVERIFY2(QRegularExpression("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$")
                     .match(stored.value("date").toString())
                     .hasMatch(),
                 qPrintable(stored.value("date").toString()));

        // The project holds two labeled training scans: four are refused before any training.
        const QString project = folder + "/project";
        const int runsBefore = QDir(project + "/runs").entryList(QDir::Dirs).size();
        const EngineResult refused = runEngine(
            {"experiment", "pretraining", "--project", project, "--counts", "1,2,4"}, 60000);
        QVERIFY(refused.exitCode != 0);
        QVERIFY2(refused.err.contains("needs 4 labeled training scans") &&
                     refused.err.contains("the project has 2"),
                 qPrintable(refused.err));
        QCOMPARE(QDir(project + "/runs").entryList(QDir::Dirs).size(), runsBefore);
        // The supervised control brings phantoms of its own, which a lab's project cannot take.
        const EngineResult noPhantoms =
            runEngine({"experiment", "pretraining", "--project", project, "--counts", "1",
                       "--controls", "supervised"},
                      60000);
        QVERIFY(noPhantoms.exitCode != 0);
        QVERIFY2(noPhantoms.err.contains("not with --project"), qPrintable(noPhantoms.err));
        QCOMPARE(QDir(project + "/runs").entryList(QDir::Dirs).size(), runsBefore);
    }
};

QTEST_GUILESS_MAIN(PretrainExperimentTest)
#include "test_pretrain_experiment.moc"
