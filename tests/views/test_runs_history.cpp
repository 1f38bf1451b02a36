// The runs of a project read back from their folders alone: a reopened project lists its runs
// with how they ended, their curves and Dice; files linked into a run folder from outside are
// neither read nor written through.
#include <qcustomplot.h>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <stdexcept>

#include "plots/DiceChart.h"
#include "plots/RunScores.h"
#include "plots/TrainingCurves.h"
#include "runs/RunEventLog.h"
#include "runs/RunHistory.h"
#include "runs/RunLauncher.h"
#include "runs/RunsPanel.h"

using namespace logonet::views;

class TestRunsHistory : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    // A run folder from elsewhere whose files are links to files outside it: the window neither
    // reads them (config, events, metrics, evaluation) nor writes its process files through a
    // linked folder.
    void linksInARunFolderAreNotFollowed() {
        QTemporaryDir dir;
        const QString outside = dir.filePath(QStringLiteral("outside"));
        QVERIFY(QDir().mkpath(outside));
        auto write = [](const QString& path, const QByteArray& bytes) {
            QFile file(path);
            return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
        };
        QVERIFY(write(outside + "/config.json", R"({"architecture": "stolen"})"));
        QVERIFY(write(outside + "/events.jsonl", R"({"event":"step","step":3,"loss":1.0,"total":9})"
                                                 "\n"));
        QVERIFY(write(outside + "/evaluation.json", R"({"classes": []})"));
        const QString run = dir.filePath(QStringLiteral("project/runs/linked"));
        QVERIFY(QDir().mkpath(run));
        for (const char* name : {"config.json", "events.jsonl", "evaluation.json"}) {
            QVERIFY(QFile::link(outside + "/" + name, run + "/" + name));
        }
        const RunSummary summary = RunHistory::read(run);
        QVERIFY2(summary.architecture.isEmpty(), qPrintable(summary.architecture));
        QCOMPARE(RunEventLog::fromFile(run + "/events.jsonl").lastStep(), 0);
        try {
            RunScores::fromFile(run + "/evaluation.json");
            QFAIL("read an evaluation through a link");
        } catch (const std::runtime_error& error) {
            QVERIFY2(QString::fromUtf8(error.what()).contains(QStringLiteral("symbolic link")),
                     error.what());
        }
        // The same files, not links, are read: the refusals above are about the links.
        QVERIFY(QFile::remove(run + "/config.json"));
        QVERIFY(QFile::copy(outside + "/config.json", run + "/config.json"));
        QCOMPARE(RunHistory::read(run).architecture, QStringLiteral("stolen"));

        const QString linkedProcess = run + "/process";
        QVERIFY(QFile::link(outside, linkedProcess));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 RunLauncher::launch(linkedProcess, QStringLiteral("/bin/true"), {},
                                                     run + "/events.jsonl"));
        QVERIFY(!QFileInfo::exists(outside + "/launch.json"));
    }

    void reopenedProjectListsRunsWithCurvesAndDice() {
        QTemporaryDir dir;
        const QString run = dir.filePath("runs/a");
        QVERIFY(QDir().mkpath(run));
        const auto write = [&](const QString& name, const QByteArray& text) {
            QFile file(run + "/" + name);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(text);
        };
        write("config.json", R"({"architecture":"logonet"})");
        write("events.jsonl", R"({"event":"step","step":1,"loss":3,"total":3}
{"event":"step","step":2,"loss":2,"total":3}
{"event":"step","step":3,"loss":1,"total":3}
)");
        write("metrics.json", R"({"steps":3,"stopped":false})");
        write("evaluation.json", R"({"classes":[{"name":"liver","cases":1,"dice_mean":0.75,)"
                                 R"("dice_std":0}],"cases":{"c":{"liver":{"dice":0.75}}}})");
        QVERIFY(QDir().mkpath(dir.filePath("runs/not-a-run")));
        RunsPanel panel;
        panel.setProject(dir.path());
        QCOMPARE(panel.runCount(), 1);
        QCOMPARE(RunHistory::read(run).stateText(), QStringLiteral("finished"));
        panel.selectRuns({"a"});
        QCOMPARE(panel.curves()->pointCount("a"), 3);
        QCOMPARE(panel.diceChart()->runs().size(), 1);
        QVERIFY(panel.diceChart()->bars(0) != nullptr);
        QCOMPARE(panel.diceChart()->bars(0)->data()->at(0)->value, 0.75);
    }

    // A finished pre-training lists its pretext accuracy with the baselines and, when it does not
    // beat one, which; a pre-training of an older engine (no crop-majority figure) still reads.
    void pretrainingListsItsPretextAccuracy() {
        QTemporaryDir dir;
        const auto writeRun = [&](const QString& name, const QByteArray& pretext) {
            const QString run = dir.filePath("runs/" + name);
            QDir().mkpath(run);
            for (const auto& [file, text] :
                 {std::pair{QStringLiteral("config.json"),
                            QByteArray(R"({"architecture":"logonet-tiny"})")},
                  std::pair{QStringLiteral("metrics.json"), QByteArray(R"({"steps":2})")},
                  std::pair{QStringLiteral("events.jsonl"),
                            QByteArray(R"({"event":"step","step":2,"loss":5,"total":2})") + "\n" +
                                pretext + "\n"}}) {
                QFile out(run + "/" + file);
                if (!out.open(QIODevice::WriteOnly) || out.write(text) != text.size()) {
                    return QString();
                }
            }
            return run;
        };
        const QString below = writeRun(
            "pre",
            R"({"event":"pretext","accuracy":0.609,"chance":0.0951,"position_only":0.126,)"
            R"("crop_majority":0.866,"beats_position_only":true,"beats_crop_majority":false})");
        QVERIFY(!below.isEmpty());
        QCOMPARE(RunHistory::read(below).listText(),
                 QStringLiteral("finished; pretext accuracy 0.61 (chance 0.10, position-only "
                                "0.13, crop-majority 0.87): below crop-majority"));
        const QString older =
            writeRun("old", R"({"event":"pretext","accuracy":0.2,"chance":0.1,"position_only":0.3,)"
                            R"("beats_position_only":false})");
        QVERIFY(!older.isEmpty());
        QCOMPARE(RunHistory::read(older).listText(),
                 QStringLiteral("finished; pretext accuracy 0.20 (chance 0.10, position-only "
                                "0.30): below position-only"));
        // Fine-tuning runs have no pretext event and list as before.
        const QString plain = writeRun("ft", R"({"event":"finished","step":2})");
        QCOMPARE(RunHistory::read(plain).listText(), QStringLiteral("finished"));
        // A pre-training writes no metrics.json: its "finished" event after the last step says
        // it ended (it was listed as "running or interrupted at 2/2").
        QVERIFY(QFile::remove(below + "/metrics.json"));
        QCOMPARE(RunHistory::read(below).state, RunSummary::State::Incomplete);
        QFile events(below + "/events.jsonl");
        QVERIFY(events.open(QIODevice::Append));
        events.write(R"({"event":"finished","step":2})"
                     "\n");
        events.close();
        QCOMPARE(RunHistory::read(below).state, RunSummary::State::Finished);
        QVERIFY(RunHistory::read(below).listText().startsWith(
            QStringLiteral("finished; pretext accuracy 0.61")));
    }

    // The engine's "note" events (a clustering that drew fewer crops to fit its memory budget)
    // are kept in order for the panel's status; other lines are not taken for notes.
    void notesAreKeptInOrder() {
        RunEventLog log;
        QVERIFY(log.addLine(R"({"event":"note","message":"5 crops instead of 4 x 3 scans"})"));
        QVERIFY(log.addLine(R"({"event":"cluster","clusterer":1,"step":2,"steps":2})"));
        QVERIFY(!log.addLine("note: not JSON"));
        QVERIFY(log.addLine(R"({"event":"note","message":"second"})"));
        QCOMPARE(log.notes(),
                 (QStringList{QStringLiteral("5 crops instead of 4 x 3 scans"), "second"}));
        QVERIFY(RunEventLog().notes().isEmpty());
    }
};

QTEST_MAIN(TestRunsHistory)
#include "test_runs_history.moc"
