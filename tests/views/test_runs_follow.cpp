// Following a run the Runs panel starts: the engine's events turned into series, status,
// progress and curves, Cancel (SIGTERM => stopped, exit code 3) and Resume, and an engine that
// cannot start. A small shell script stands in for the engine so that the process test runs in
// a second; a real tiny engine run is checked when the engine is built.
#include <qcustomplot.h>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <stdexcept>

#include "StepPermit.h"
#include "TinyEngineProject.h"
#include "plots/DiceChart.h"
#include "plots/RunScores.h"
#include "plots/TrainingCurves.h"
#include "project/Project.h"
#include "review/CaseReviewTable.h"
#include "review/ReviewTarget.h"
#include "runs/DetachedRun.h"
#include "runs/RunEventLog.h"
#include "runs/RunHistory.h"
#include "runs/RunRequest.h"
#include "runs/RunsPanel.h"

using namespace logonet::views;

namespace {

// A copy of the engine's stand-in (fake_logonet.sh), executable, in `dir`.
QString writeFakeEngine(const QTemporaryDir& dir) {
    const QString path = dir.filePath(QStringLiteral("fake-logonet"));
    if (!QFile::copy(QStringLiteral(LOGONET_SOURCE_DIR "/tests/views/fake_logonet.sh"), path)) {
        return {};
    }
    QFile(path).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                               QFileDevice::ExeOwner);
    return path;
}

// A button of the panel by its text ("Start", "Cancel", "Resume").
QPushButton* panelButton(const RunsPanel& panel, const char* text) {
    for (QPushButton* button : panel.findChildren<QPushButton*>()) {
        if (button->text() == QLatin1String(text)) {
            return button;
        }
    }
    return nullptr;
}

}  // namespace

class TestRunsFollow : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void eventLogSeries() {
        RunEventLog log;
        QVERIFY(!log.addLine("warning: not json"));
        QVERIFY(log.addLine(R"({"event":"step","step":1,"loss":2.0,"dice_loss":0.9,)"
                            R"("ce_loss":1.1,"lr":0.001,"it_per_s":2.0,"total":11})"));
        QVERIFY(log.addLine(R"({"event":"validation","step":1,"per_class":{"liver":0.25}})"));
        QVERIFY(log.addLine(R"({"event":"step","step":1,"loss":9.0,"total":11})"));  // repeated
        QVERIFY(log.addLine(R"({"event":"step","step":2,"loss":1.5,"dice_loss":0.7,)"
                            R"("ce_loss":0.8,"lr":0.002,"it_per_s":4.0,"total":11})"));
        QVERIFY(log.addLine(
            R"({"event":"validation","step":2,"per_class":{"liver":0.5,"spleen":0.75}})"));
        QCOMPARE(log.steps(), QVector<double>({1, 2}));
        QCOMPARE(log.loss(), QVector<double>({2.0, 1.5}));
        QCOMPARE(log.ceLoss(), QVector<double>({1.1, 0.8}));
        QCOMPARE(log.learningRate(), QVector<double>({0.001, 0.002}));
        QCOMPARE(log.validationSteps(), QVector<double>({1, 2}));
        QCOMPARE(log.validationDice().value("liver"), QVector<double>({0.25, 0.5}));
        const QVector<double> spleen = log.validationDice().value("spleen");
        QCOMPARE(spleen.size(), 2);
        QVERIFY(std::isnan(spleen[0]));
        QCOMPARE(spleen[1], 0.75);
        QCOMPARE(log.secondsRemaining(), 9.0 / 4.0);
        QVERIFY(!log.stopped());
        log.addLine(R"({"event":"stopped","step":2})");
        QVERIFY(log.stopped());
    }

    void curvesDrawEveryQuantity() {
        RunEventLog a, b;
        for (int i = 1; i <= 4; ++i) {
            a.addEvent(QJsonObject{
                {"event", "step"}, {"step", i}, {"loss", 1.0 / i}, {"lr", 0.001}, {"total", 4}});
        }
        b.addEvent(QJsonObject{{"event", "step"}, {"step", 1}, {"loss", 3.0}, {"lr", 0.01}});
        b.addEvent(QJsonObject{{"event", "validation"},
                               {"step", 1},
                               {"per_class", QJsonObject{{"liver", 0.5}, {"kidney", 0.25}}}});
        TrainingCurves curves;
        curves.setRun("a", a);
        curves.setRun("b", b);
        QCOMPARE(curves.pointCount("a"), 4);
        QCOMPARE(curves.pointCount("b"), 1);
        QCOMPARE(curves.plot()->graphCount(), 2);
        curves.setQuantity(TrainingCurves::Quantity::ValidationDice);
        QCOMPARE(curves.pointCount("a"), 0);
        QCOMPARE(curves.pointCount("b"), 2);
        QCOMPARE(curves.plot()->graphCount(), 2);  // one per organ of b
        QTemporaryDir dir;
        curves.setQuantity(TrainingCurves::Quantity::Loss);
        const QString csv = dir.filePath("curves.csv");
        curves.exportCsv(csv);
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + 4 + 1);
        QCOMPARE(lines[1], QStringLiteral("a,1,1"));
        curves.exportImage(dir.filePath("curves.png"));
        curves.exportImage(dir.filePath("curves.pdf"));
        QVERIFY(QFileInfo(dir.filePath("curves.png")).size() > 0);
        QVERIFY(QFileInfo(dir.filePath("curves.pdf")).size() > 0);
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, curves.exportImage(dir.filePath("x.gif")));
    }

    void childRunStreamsCancelsAndResumes() {
        QTemporaryDir dir;
        const QString engine = writeFakeEngine(dir);
        QVERIFY(!engine.isEmpty());
        const QString project = dir.filePath("project");
        QVERIFY(QDir().mkpath(project));
        RunsPanel panel;
        panel.setEngine(engine);
        panel.setProject(project);
        QCOMPARE(panel.runCount(), 0);
        RunRequest r;
        r.name = QStringLiteral("tiny");
        r.iterations = 12;
        panel.setRequest(r);
        panel.show();
        QSignalSpy finished(&panel, &RunsPanel::runFinished);
        // The stand-in goes no further than the test lets it, so Cancel finds it running.
        const logonet::testing::StepPermit permit;
        QVERIFY(permit.allow(2));
        // The real buttons, as a user presses them.
        QTest::mouseClick(panelButton(panel, "Start"), Qt::LeftButton);
        QVERIFY(panel.isRunning());
        // The curve grows while the run goes on.
        QTRY_VERIFY_WITH_TIMEOUT(panel.curves()->pointCount("tiny") >= 2, 60000);
        const int seen = panel.curves()->pointCount("tiny");
        QVERIFY(permit.allow(seen + 2));
        QTRY_VERIFY_WITH_TIMEOUT(panel.curves()->pointCount("tiny") > seen, 60000);
        QVERIFY(panel.progressValue() > 0);
        QTest::mouseClick(panelButton(panel, "Cancel"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QCOMPARE(finished[0][1].toInt(), 3);
        const qint64 stoppedAt = panel.process()->log().lastStep();
        QVERIFY(stoppedAt <= seen + 2);
        QVERIFY(panel.status().contains(QString::number(stoppedAt)));
        // The stopped run is listed as such, from its folder alone.
        QCOMPARE(panel.runCount(), 1);
        RunSummary summary = RunHistory::read(QDir(project).filePath("runs/tiny"));
        QCOMPARE(summary.state, RunSummary::State::Stopped);
        QCOMPARE(summary.lastStep, stoppedAt);
        QCOMPARE(summary.architecture, QStringLiteral("logonet-tiny"));

        QTest::mouseClick(panelButton(panel, "Resume"), Qt::LeftButton);
        QVERIFY(panel.isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 60000);
        QCOMPARE(finished[1][1].toInt(), 0);
        QCOMPARE(panel.progressValue(), 100);
        // The panel follows the run's own log, so the resumed run shows its whole history.
        QCOMPARE(panel.process()->log().steps().size(), 12);
        summary = RunHistory::read(QDir(project).filePath("runs/tiny"));
        QCOMPARE(summary.state, RunSummary::State::Finished);
        QCOMPARE(summary.lastStep, qint64{12});
        // The whole log of the run, read back as a reopened window would, has every step once.
        const RunEventLog all =
            RunEventLog::fromFile(QDir(project).filePath("runs/tiny/events.jsonl"));
        QCOMPARE(all.steps().size(), 12);
        QCOMPARE(all.validationSteps(), QVector<double>({5, 10}));
    }

    // A real tiny run: the engine's own commands make a phantom project; the panel trains
    // logonet-tiny on it for 3 steps (the curve grows to 3 points), then scores it through the
    // form's inference kind, and the run's Dice bars are the numbers of its evaluation.json.
    void realEngineRunThroughThePanel() {
        const QString engine = logonet::testing::testEngine(LOGONET_ENGINE_FOR_TESTS);
        QTemporaryDir dir;
        const QString failure = logonet::testing::makeTinyEngineProject(engine, dir.path());
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        const QString project = dir.filePath("project");

        RunsPanel panel;
        panel.setEngine(engine);
        panel.setProject(project);
        QCOMPARE(panel.runCount(), 0);
        RunRequest r;
        r.name = QStringLiteral("tiny");
        r.iterations = 3;
        r.crop = QStringLiteral("32");
        r.batch = 2;
        r.learningRate = 0.003;
        panel.setRequest(r);
        QSignalSpy finished(&panel, &RunsPanel::runFinished);
        QVERIFY(panel.start());
        QTRY_VERIFY_WITH_TIMEOUT(panel.curves()->pointCount("tiny") >= 1, 90000);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 90000);
        QVERIFY2(finished[0][1].toInt() == 0, qPrintable(panel.status()));
        QCOMPARE(panel.curves()->pointCount("tiny"), 3);
        QCOMPARE(panel.progressValue(), 100);
        QCOMPARE(panel.runCount(), 1);
        QCOMPARE(RunHistory::read(project + "/runs/tiny").state, RunSummary::State::Finished);

        r.kind = RunRequest::Kind::Inference;
        r.split = QStringLiteral("train");
        panel.setRequest(r);
        QVERIFY(panel.start());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 90000);
        QVERIFY2(finished[1][1].toInt() == 0, qPrintable(panel.status()));
        panel.selectRuns({"tiny"});
        QFile file(project + "/runs/tiny/evaluation.json");
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonArray classes =
            QJsonDocument::fromJson(file.readAll()).object().value("classes").toArray();
        QVERIFY(!classes.isEmpty());
        const QCPBars* bars = panel.diceChart()->bars(0);
        QVERIFY(bars != nullptr);
        QCOMPARE(bars->dataCount(), classes.size());
        for (int c = 0; c < classes.size(); ++c) {
            QCOMPARE(bars->data()->at(c)->value,
                     classes[c].toObject().value("dice_mean").toDouble());
        }

        // The review table lists the scored cases, worst first; a case's target is its scan and
        // the slice where the stored prediction and the ground truth disagree most.
        const QStringList order = panel.reviewTable()->caseOrder();
        QCOMPARE(order.size(), 2);
        const RunScores scores = RunScores::fromRun(project + "/runs/tiny");
        QVERIFY(CaseReviewTable::meanDice(scores.cases[order[0]]) <=
                CaseReviewTable::meanDice(scores.cases[order[1]]));
        const logonet::Project opened = logonet::Project::open(project.toStdString());
        const QString organ = classes[0].toObject().value("name").toString();
        const ReviewTarget target =
            findReviewTarget(opened, "tiny", order[0].toStdString(), organ.toStdString(), 2);
        QCOMPARE(QString::fromStdString(opened.scan(target.scanId).name), order[0]);
        QVERIFY(target.slice >= 0);
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 findReviewTarget(opened, "tiny", "no-such-case", "", 2));
    }

    // A clustering that drew fewer crops than asked, to stay within its memory budget, says so
    // in the panel's status when it finishes (the engine's "note" event on its stdout).
    void aClusteringNoteIsShownWhenItFinishes() {
        QTemporaryDir dir;
        const QString engine = dir.filePath(QStringLiteral("fake-cluster"));
        QFile script(engine);
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write(
            "#!/bin/sh\n"
            "echo '{\"event\":\"note\",\"message\":\"282 crops instead of 8 x 120 "
            "scans\"}'\n"
            "echo '{\"event\":\"clustered\",\"crops\":282,\"scans\":120}'\n");
        script.close();
        QVERIFY(script.setPermissions(QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        RunsPanel panel;
        panel.setEngine(engine);
        panel.setProject(dir.path());
        RunRequest r;
        r.kind = RunRequest::Kind::Clustering;
        r.crop = QStringLiteral("96");
        panel.setRequest(r);
        QSignalSpy finished(&panel, &RunsPanel::runFinished);
        QVERIFY(panel.start());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QCOMPARE(finished[0][1].toInt(), 0);
        QCOMPARE(panel.status(),
                 QStringLiteral("Finished; note: 282 crops instead of 8 x 120 scans"));
    }

    void engineThatCannotStartIsReported() {
        QTemporaryDir dir;
        RunsPanel panel;
        panel.setEngine(dir.filePath("no-such-engine"));
        panel.setProject(dir.path());
        RunRequest r;
        r.name = QStringLiteral("x");
        panel.setRequest(r);
        panel.start();
        QTRY_VERIFY_WITH_TIMEOUT(panel.status().contains(QStringLiteral("no-such-engine")), 60000);
        QVERIFY(!panel.isRunning());
    }
};

QTEST_MAIN(TestRunsFollow)
#include "test_runs_follow.moc"
