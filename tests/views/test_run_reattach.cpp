// Runs that outlive the window: a run started from the panel runs detached (its own session,
// output and exit status in its process folder); a new panel on the same project follows it
// again and its curve keeps growing; Cancel and Resume work across panels; a failed run and one
// killed together with its launcher are told apart from their folders alone. The events file is
// followed like `tail -F` (partial last line, a file replaced by a resumed run).
#include <unistd.h>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <memory>

#include "StepPermit.h"
#include "TinyEngineProject.h"
#include "plots/TrainingCurves.h"
#include "runs/DetachedRun.h"
#include "runs/EventFileTail.h"
#include "runs/RunHistory.h"
#include "runs/RunProcessRecord.h"
#include "runs/RunRequest.h"
#include "runs/RunsPanel.h"

using namespace logonet::views;

namespace {

QString writeScript(const QTemporaryDir& dir, const QString& name, const QByteArray& text) {
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size()) {
        return {};
    }
    file.close();
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return path;
}

QString fakeEngine(const QTemporaryDir& dir) {
    QFile source(QStringLiteral(LOGONET_SOURCE_DIR "/tests/views/fake_logonet.sh"));
    if (!source.open(QIODevice::ReadOnly)) {
        return {};
    }
    return writeScript(dir, QStringLiteral("fake-logonet"), source.readAll());
}

std::unique_ptr<RunsPanel> openPanel(const QString& engine, const QString& project) {
    auto panel = std::make_unique<RunsPanel>();
    panel->setEngine(engine);
    panel->setProject(project);
    return panel;
}

RunRequest tinyRequest(int iterations) {
    RunRequest r;
    r.name = QStringLiteral("tiny");
    r.iterations = iterations;
    r.crop = QStringLiteral("32");
    r.batch = 2;
    r.learningRate = 0.003;
    return r;
}

// Stands in for `logonet evaluate --run RUN --project P --split test --json`: scores `cases`
// cases, each once a StepPermit allows it (all at once without one), each reported as the
// engine does, then the result line.
QString fakeEvaluation(const QTemporaryDir& dir, int cases) {
    const QString script =
        QStringLiteral(
            "#!/bin/sh\npermit=${FAKE_LOGONET_PERMIT:-}\n"
            "permitted() { [ -z \"$permit\" ] || "
            "[ \"$(cat \"$permit\" 2>/dev/null || echo %1)\" -ge \"$1\" ]; }\n"
            "i=0\nwhile [ $i -lt %1 ]; do\n"
            "  while ! permitted $((i+1)); do sleep 0.05; done\n  i=$((i+1))\n"
            "  printf '{\"event\":\"evaluated\",\"case\":\"case_%s\",\"done\":%s,"
            "\"total\":%s}\\n' $i $i %1\ndone\n"
            "echo '{\"mean_dice\":0.8,\"per_class\":{\"liver\":0.8}}'\n")
            .arg(cases);
    return writeScript(dir, QStringLiteral("evaluating-logonet"), script.toUtf8());
}

// A project with one finished fine-tuning run, "tiny", ready to be evaluated.
QString projectWithFinishedRun(const QTemporaryDir& dir) {
    const QString project = dir.filePath("project");
    const QString run = project + "/runs/tiny";
    if (!QDir().mkpath(run)) {
        return {};
    }
    for (const auto& [name, text] :
         {std::pair<QString, QByteArray>{"config.json", "{\"architecture\":\"logonet-tiny\"}\n"},
          {"metrics.json", "{\"steps\":12,\"stopped\":false}\n"},
          {"events.jsonl", "{\"event\":\"step\",\"step\":12,\"loss\":0.5,\"total\":12}\n"}}) {
        QFile file(run + "/" + name);
        if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size()) {
            return {};
        }
    }
    return project;
}

RunRequest evaluationRequest() {
    RunRequest r;
    r.kind = RunRequest::Kind::Inference;
    r.name = QStringLiteral("tiny");
    return r;
}

// Stops the run a failed test left behind, so it does not outlive the test program.
struct LeftoverStop {
    QString folder;
    ~LeftoverStop() {
        const RunProcessRecord record = RunProcessRecord::read(folder);
        if (record.isActive() && record.enginePid() > 0) {
            ::kill(static_cast<pid_t>(record.enginePid()), SIGKILL);
        }
    }
};

}  // namespace

class TestRunReattach : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void tailReadsCompleteLinesAndFollowsAReplacedFile() {
        QTemporaryDir dir;
        const QString path = dir.filePath("events.jsonl");
        EventFileTail tail;
        QStringList lines;
        int restarts = 0;
        connect(&tail, &EventFileTail::lineRead, this,
                [&](const QByteArray& line) { lines << QString::fromUtf8(line); });
        connect(&tail, &EventFileTail::restarted, this, [&] { ++restarts; });
        tail.follow(path);  // not there yet
        QVERIFY(lines.isEmpty());
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Append));
        file.write("{\"a\":1}\n{\"b\":");
        file.flush();
        tail.poll();
        QCOMPARE(lines, QStringList({"{\"a\":1}"}));  // the half line waits
        file.write("2}\n");
        file.flush();
        tail.poll();
        QCOMPARE(lines, QStringList({"{\"a\":1}", "{\"b\":2}"}));
        // A resumed run rewrites its log and renames it over the old one.
        QFile replacement(path + ".tmp");
        QVERIFY(replacement.open(QIODevice::WriteOnly));
        replacement.write("{\"a\":1}\n{\"c\":3}\n{\"d\":4}\n");
        replacement.close();
        QVERIFY(::rename(qPrintable(path + ".tmp"), qPrintable(path)) == 0);
        lines.clear();
        tail.poll();
        QCOMPARE(restarts, 1);
        QCOMPARE(lines, QStringList({"{\"a\":1}", "{\"c\":3}", "{\"d\":4}"}));
        // The watcher reports appends without a poll.
        QFile again(path);
        QVERIFY(again.open(QIODevice::WriteOnly | QIODevice::Append));
        again.write("{\"e\":5}\n");
        again.close();
        QTRY_COMPARE_WITH_TIMEOUT(lines.size(), 4, 30000);
    }

    void fakeRunOutlivesThePanelAndIsFollowedAgain() {
        QTemporaryDir dir;
        const QString engine = fakeEngine(dir);
        QVERIFY(!engine.isEmpty());
        const QString project = dir.filePath("project");
        QVERIFY(QDir().mkpath(project));
        auto panel = openPanel(engine, project);
        panel->setRequest(tinyRequest(12));
        // The stand-in goes no further than the test lets it, so it is still running when the
        // new panel follows it and when Cancel comes.
        const logonet::testing::StepPermit permit;
        QVERIFY(permit.allow(2));
        QVERIFY(panel->start());
        const QString folder = panel->process()->folder();
        const LeftoverStop guard{folder};
        QCOMPARE(folder, project + "/runs/tiny/process/train");
        QTRY_VERIFY_WITH_TIMEOUT(panel->curves()->pointCount("tiny") >= 2, 60000);
        const int before = panel->curves()->pointCount("tiny");

        panel.reset();  // the window closes
        RunProcessRecord record = RunProcessRecord::read(folder);
        QCOMPARE(record.state(), RunProcessRecord::State::Running);
        // Its own session: a terminal's hangup or the workstation's process group never reach it.
        QVERIFY(::getsid(static_cast<pid_t>(record.enginePid())) != ::getsid(0));
        QCOMPARE(RunHistory::read(project + "/runs/tiny").state, RunSummary::State::Running);

        panel = openPanel(engine, project);
        QVERIFY(panel->isRunning());
        QVERIFY2(panel->status().contains("tiny"), qPrintable(panel->status()));
        QTRY_VERIFY_WITH_TIMEOUT(panel->curves()->pointCount("tiny") >= before, 60000);
        const int seen = panel->curves()->pointCount("tiny");
        QVERIFY(permit.allow(seen + 2));
        QTRY_VERIFY_WITH_TIMEOUT(panel->curves()->pointCount("tiny") > seen, 60000);

        QSignalSpy finished(panel.get(), &RunsPanel::runFinished);
        panel->cancel();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QCOMPARE(finished[0][1].toInt(), 3);
        QCOMPARE(RunHistory::read(project + "/runs/tiny").state, RunSummary::State::Stopped);

        QVERIFY(panel->resume());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 60000);
        QCOMPARE(finished[1][1].toInt(), 0);
        QCOMPARE(panel->curves()->pointCount("tiny"), 12);
        QCOMPARE(panel->progressValue(), 100);
        QCOMPARE(RunHistory::read(project + "/runs/tiny").state, RunSummary::State::Finished);
        QCOMPARE(RunProcessRecord::read(folder).exitCode(), 0);
    }

    void killedWithItsLauncherShowsHowItEnded() {
        QTemporaryDir dir;
        const QString engine = fakeEngine(dir);
        const QString project = dir.filePath("project");
        QVERIFY(QDir().mkpath(project));
        auto panel = openPanel(engine, project);
        panel->setRequest(tinyRequest(12));
        QSignalSpy finished(panel.get(), &RunsPanel::runFinished);
        const logonet::testing::StepPermit permit;  // one step, then it waits to be killed
        QVERIFY(permit.allow(1));
        QVERIFY(panel->start());
        const QString folder = panel->process()->folder();
        QTRY_VERIFY_WITH_TIMEOUT(panel->curves()->pointCount("tiny") >= 1, 60000);
        const RunProcessRecord record = RunProcessRecord::read(folder);
        QVERIFY(record.enginePid() > 0);
        // Everything of the run at once, as a machine that stops would: no exit status is written.
        const pid_t group = ::getpgid(static_cast<pid_t>(record.enginePid()));
        QVERIFY(group > 0 && group != ::getpgid(0));
        QCOMPARE(::kill(-group, SIGKILL), 0);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QCOMPARE(finished[0][1].toInt(), -1);
        QVERIFY2(panel->status().contains("without"), qPrintable(panel->status()));
        panel.reset();
        const RunSummary summary = RunHistory::read(project + "/runs/tiny");
        QCOMPARE(summary.state, RunSummary::State::Died);
        QVERIFY(summary.stateText().contains("died"));
        // A new panel lists it as such and follows nothing.
        panel = openPanel(engine, project);
        QVERIFY(!panel->isRunning());
        QCOMPARE(panel->runCount(), 1);
    }

    void failedRunShowsItsLastError() {
        QTemporaryDir dir;
        const QString engine = writeScript(
            dir, "failing-logonet",
            "#!/bin/sh\nmkdir -p \"$3/runs/$5\"\n"
            "echo '{\"architecture\":\"logonet-tiny\"}' > \"$3/runs/$5/config.json\"\n"
            "echo 'warming up' >&2\n"
            "echo 'logonet: cache/case_0001.bin: truncated (run logonet prepare again)' >&2\n"
            "exit 2\n");
        const QString project = dir.filePath("project");
        QVERIFY(QDir().mkpath(project));
        auto panel = openPanel(engine, project);
        panel->setRequest(tinyRequest(5));
        QSignalSpy finished(panel.get(), &RunsPanel::runFinished);
        QVERIFY(panel->start());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QCOMPARE(finished[0][1].toInt(), 2);
        QVERIFY2(panel->status().contains("truncated"), qPrintable(panel->status()));
        const RunSummary summary = RunHistory::read(project + "/runs/tiny");
        QCOMPARE(summary.state, RunSummary::State::Failed);
        QVERIFY2(summary.stateText().contains("case_0001.bin: truncated"),
                 qPrintable(summary.stateText()));
        // A new window shows the same.
        panel = openPanel(engine, project);
        QVERIFY(!panel->isRunning());
        QCOMPARE(panel->runCount(), 1);
    }

    // An evaluation started from the panel: its row says it is being evaluated and how far,
    // the progress bar follows the scored cases, and the row ends as "evaluated".
    void evaluationShowsItsProgressAndHowItEnded() {
        QTemporaryDir dir;
        const QString engine = fakeEvaluation(dir, 3);
        const QString project = projectWithFinishedRun(dir);
        QVERIFY(!engine.isEmpty() && !project.isEmpty());
        auto panel = openPanel(engine, project);
        QCOMPARE(panel->runStateText("tiny"), QString("finished"));
        panel->setRequest(evaluationRequest());
        QSignalSpy finished(panel.get(), &RunsPanel::runFinished);
        const logonet::testing::StepPermit permit;  // the first case, then it waits
        QVERIFY(permit.allow(1));
        QVERIFY(panel->start());
        const LeftoverStop guard{panel->process()->folder()};
        QCOMPARE(panel->process()->folder(), project + "/runs/tiny/process/evaluate");
        QVERIFY2(panel->runStateText("tiny").startsWith("finished; evaluating"),
                 qPrintable(panel->runStateText("tiny")));
        QTRY_COMPARE_WITH_TIMEOUT(panel->runStateText("tiny"),
                                  QString("finished; evaluating 1/3 cases"), 60000);
        // The row may be rewritten from the run's files a moment before the followed process
        // delivers the same event to the progress bar: wait for that event too.
        QTRY_COMPARE_WITH_TIMEOUT(panel->progressValue(), 33, 60000);
        QVERIFY2(panel->status().contains("1 of 3 cases"), qPrintable(panel->status()));
        QVERIFY(permit.allow(3));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QCOMPARE(finished[0][1].toInt(), 0);
        QCOMPARE(panel->progressValue(), 100);
        QCOMPARE(panel->runStateText("tiny"), QString("finished; evaluated"));
        const RunSummary summary = RunHistory::read(project + "/runs/tiny");
        QCOMPARE(summary.state, RunSummary::State::Finished);
        QCOMPARE(summary.evaluation, RunSummary::Evaluation::Finished);
    }

    // Reopening the project while an evaluation runs follows it again, as for training; Cancel
    // stops it and the row says so, also in a later window.
    void evaluationIsFollowedAgainAndCancelled() {
        QTemporaryDir dir;
        const QString engine = fakeEvaluation(dir, 40);
        const QString project = projectWithFinishedRun(dir);
        QVERIFY(!engine.isEmpty() && !project.isEmpty());
        auto panel = openPanel(engine, project);
        panel->setRequest(evaluationRequest());
        // One case until the new panel follows it, one more then: Cancel finds it running.
        const logonet::testing::StepPermit permit;
        QVERIFY(permit.allow(1));
        QVERIFY(panel->start());
        const QString folder = panel->process()->folder();
        const LeftoverStop guard{folder};
        QTRY_VERIFY_WITH_TIMEOUT(panel->runStateText("tiny").contains("evaluating 1/40"), 60000);
        panel.reset();  // the window closes
        QCOMPARE(RunProcessRecord::read(folder).state(), RunProcessRecord::State::Running);
        QCOMPARE(RunHistory::read(project + "/runs/tiny").evaluation,
                 RunSummary::Evaluation::Running);

        panel = openPanel(engine, project);
        QVERIFY2(panel->isRunning(), "the new panel did not follow the evaluation");
        QCOMPARE(panel->process()->folder(), folder);
        QCOMPARE(panel->request().kind, RunRequest::Kind::Inference);
        QVERIFY2(panel->status().contains("tiny"), qPrintable(panel->status()));
        QVERIFY2(panel->runStateText("tiny").contains("evaluating"),
                 qPrintable(panel->runStateText("tiny")));
        // The events so far are read again, and new ones keep coming.
        QTRY_VERIFY_WITH_TIMEOUT(panel->progressValue() > 0, 60000);
        const int seen = panel->progressValue();
        QVERIFY(permit.allow(2));
        QTRY_VERIFY_WITH_TIMEOUT(panel->progressValue() > seen, 60000);
        QVERIFY2(panel->runStateText("tiny").contains("/40 cases"),
                 qPrintable(panel->runStateText("tiny")));

        QSignalSpy finished(panel.get(), &RunsPanel::runFinished);
        panel->cancel();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QCOMPARE(finished[0][1].toInt(), 128 + SIGTERM);
        QCOMPARE(panel->status(), QString("Evaluation cancelled"));
        QCOMPARE(panel->runStateText("tiny"), QString("finished; evaluation cancelled"));
        panel = openPanel(engine, project);
        QVERIFY(!panel->isRunning());
        QCOMPARE(panel->runStateText("tiny"), QString("finished; evaluation cancelled"));
    }

    void failedEvaluationShowsItsLastError() {
        QTemporaryDir dir;
        const QString engine =
            writeScript(dir, "failing-logonet",
                        "#!/bin/sh\necho 'loading the run' >&2\n"
                        "echo \"logonet: no labeled scans in split 'test' of $5\" >&2\nexit 1\n");
        const QString project = projectWithFinishedRun(dir);
        QVERIFY(!engine.isEmpty() && !project.isEmpty());
        auto panel = openPanel(engine, project);
        panel->setRequest(evaluationRequest());
        QSignalSpy finished(panel.get(), &RunsPanel::runFinished);
        QVERIFY(panel->start());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QCOMPARE(finished[0][1].toInt(), 1);
        QVERIFY2(panel->status().contains("no labeled scans"), qPrintable(panel->status()));
        const QString expected =
            "finished; evaluation failed: logonet: no labeled scans in split "
            "'test' of " +
            project;
        QCOMPARE(panel->runStateText("tiny"), expected);
        // A new window shows the same, from the run's folder alone.
        panel = openPanel(engine, project);
        QCOMPARE(panel->runStateText("tiny"), expected);
        QCOMPARE(RunHistory::read(project + "/runs/tiny").evaluation,
                 RunSummary::Evaluation::Failed);
    }

    // The real engine: a tiny fine-tuning run started through the form keeps running when the
    // panel is destroyed; a new panel reattaches and sees the curve grow; cancel writes a
    // checkpoint (exit code 3) and resume finishes the run from it.
    void realEngineRunOutlivesThePanel() {
        const QString engine = logonet::testing::testEngine(LOGONET_ENGINE_FOR_TESTS);
        QTemporaryDir dir;
        const QString failure = logonet::testing::makeTinyEngineProject(engine, dir.path());
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        const QString project = dir.filePath("project");
        const QString folder = project + "/runs/tiny/process/train";
        const LeftoverStop guard{folder};
        auto panel = openPanel(engine, project);
        panel->setRequest(tinyRequest(kRealIterations));
        QVERIFY(panel->start());
        // A run that fails at once ends the wait early (its message is the status).
        QTRY_VERIFY_WITH_TIMEOUT(panel->curves()->pointCount("tiny") >= 2 || !panel->isRunning(),
                                 120000);
        QVERIFY2(panel->isRunning(), qPrintable(panel->status()));
        panel.reset();
        QCOMPARE(RunProcessRecord::read(folder).state(), RunProcessRecord::State::Running);

        panel = openPanel(engine, project);
        QVERIFY2(panel->isRunning(), "the new panel did not reattach to the running engine");
        const int seen = panel->curves()->pointCount("tiny");
        QVERIFY(seen >= 2);
        QSignalSpy finished(panel.get(), &RunsPanel::runFinished);
        QTRY_VERIFY_WITH_TIMEOUT(panel->curves()->pointCount("tiny") > seen || !finished.isEmpty(),
                                 60000);
        QVERIFY2(finished.isEmpty(), qPrintable(panel->status()));
        panel->cancel();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QVERIFY2(finished[0][1].toInt() == 3, qPrintable(panel->status()));
        const RunSummary stopped = RunHistory::read(project + "/runs/tiny");
        QCOMPARE(stopped.state, RunSummary::State::Stopped);
        QVERIFY(stopped.lastStep > seen && stopped.lastStep < kRealIterations);

        // The run is shortened to two more steps (its config.json, as `train --run DIR --iters`
        // writes it), so the resume ends soon; Resume keeps the stored configuration.
        const qint64 end = stopped.lastStep + 2;
        QProcess shorten;
        shorten.start(engine, {"train", "--run", project + "/runs/tiny", "--iters",
                               QString::number(end), "--setup-only"});
        QVERIFY(shorten.waitForFinished(60000));
        QVERIFY2(shorten.exitCode() == 0, shorten.readAllStandardError().constData());
        QVERIFY(panel->resume());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 360000);
        QVERIFY2(finished[1][1].toInt() == 0, qPrintable(panel->status()));
        QCOMPARE(panel->curves()->pointCount("tiny"), int(end));
        const RunSummary done = RunHistory::read(project + "/runs/tiny");
        QCOMPARE(done.state, RunSummary::State::Finished);
        QCOMPARE(done.lastStep, end);
    }

  private:
    // Far more steps than the test lets it take: the run is still going when it is cancelled,
    // on any machine, however fast.
    static constexpr int kRealIterations = 100000;
};

QTEST_MAIN(TestRunReattach)
#include "test_run_reattach.moc"
