// The Runs panel: the form's command line, the events of an engine process turned into status,
// progress and curves, Cancel (SIGTERM => stopped, exit code 3) and Resume, and the project's
// runs listed with how they ended. A small shell script stands in for the engine in the process
// tests so that they run in a second; a real tiny engine run is checked when the engine is built.
#include <qcustomplot.h>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

#include "StepPermit.h"
#include "TinyEngineProject.h"
#include "plots/DiceChart.h"
#include "plots/RunScores.h"
#include "plots/TrainingCurves.h"
#include "project/PreparationDefaults.h"
#include "project/Project.h"
#include "review/CaseReviewTable.h"
#include "review/ReviewTarget.h"
#include "runs/DetachedRun.h"
#include "runs/RunEventLog.h"
#include "runs/RunHistory.h"
#include "runs/RunLauncher.h"
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

class TestRuns : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void fineTuningArguments() {
        RunRequest r;
        r.project = QStringLiteral("/data/proj");
        r.name = QStringLiteral("tiny");
        r.iterations = 3;
        r.batch = 1;
        r.crop = QStringLiteral("32");
        r.learningRate = 0.003;
        r.initFrom = QStringLiteral("/data/proj/runs/pre");
        r.amp = true;
        const QStringList expected = {"train",
                                      "--project",
                                      "/data/proj",
                                      "--run",
                                      "tiny",
                                      "--arch",
                                      "logonet-tiny",
                                      "--init",
                                      "/data/proj/runs/pre",
                                      "--iters",
                                      "3",
                                      "--batch",
                                      "1",
                                      "--crop",
                                      "32",
                                      "--lr",
                                      "0.003",
                                      "--device",
                                      "cpu",
                                      "--amp",
                                      "--progress",
                                      "json"};
        QCOMPARE(r.arguments(), expected);
        r.resume = true;
        QCOMPARE(r.arguments(), QStringList({"train", "--project", "/data/proj", "--run", "tiny",
                                             "--resume", "--progress", "json"}));
        QCOMPARE(r.runDirectory(), QStringLiteral("/data/proj/runs/tiny"));
    }

    void otherKindsArguments() {
        RunRequest r;
        r.project = QStringLiteral("/p");
        r.name = QStringLiteral("pre");
        r.kind = RunRequest::Kind::PreTraining;
        r.iterations = 50;
        r.clusterers = 4;
        // The paper's loss temperature and masking unless the form says otherwise.
        QCOMPARE(r.arguments(),
                 QStringList({"pretrain", "--project",  "/p",           "--run",
                              "pre",      "--arch",     "logonet-tiny", "--clusterers",
                              "4",        "--iters",    "50",           "--batch",
                              "2",        "--lr",       "0.0001",       "--tau",
                              "0.1",      "--phi1",     "0.1",          "--mask-length",
                              "5",        "--phi2",     "0.7",          "--device",
                              "cpu",      "--progress", "json"}));
        r.phi2 = 1.5;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, r.arguments());
        r.phi2 = 0.7;
        r.tau = 0.0;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, r.arguments());
        r.tau = 0.1;
        r.kind = RunRequest::Kind::Clustering;
        r.crop = QStringLiteral("64,64,32");
        QCOMPARE(r.arguments(), QStringList({"cluster", "--project", "/p", "--clusterers", "4",
                                             "--k-min", "80", "--k-max", "500", "--crop",
                                             "64,64,32", "--device", "cpu", "--progress", "json"}));
        r.kMin = 600;  // above K max
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, r.arguments());
        r.kMin = 80;
        // "auto" (the form's default) is planned by train from the prepared cases; clustering
        // has none to plan from and takes the spec's 96.
        r.crop = QStringLiteral("auto");
        QVERIFY(r.arguments().join(QLatin1Char(' ')).contains(QLatin1String("--crop 96 ")));
        r.kind = RunRequest::Kind::FineTuning;
        QVERIFY(r.arguments().join(QLatin1Char(' ')).contains(QLatin1String("--crop auto ")));
        r.crop = QStringLiteral("automatic");
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, r.arguments());
        r.kind = RunRequest::Kind::Inference;
        QCOMPARE(r.arguments(), QStringList({"evaluate", "--run", "/p/runs/pre", "--project", "/p",
                                             "--split", "test", "--json"}));
    }

    void incompleteFormsAreRefused() {
        RunRequest r;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, r.arguments());  // no project
        r.project = QStringLiteral("/p");
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, r.arguments());  // no name
        r.name = QStringLiteral("a/b");
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, r.arguments());
        r.name = QStringLiteral("ok");
        r.crop = QStringLiteral("32,32");
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, r.arguments());
    }

    // The form's pre-training and clustering settings reach the command line of the engine the
    // panel starts (a stand-in that writes down its arguments), locally and for a remote host.
    void pretrainingOptionsReachTheEngine() {
        QTemporaryDir dir;
        const QString recorded = dir.filePath(QStringLiteral("arguments.txt"));
        const QString engine = dir.filePath(QStringLiteral("record-arguments"));
        {
            QFile script(engine);
            QVERIFY(script.open(QIODevice::WriteOnly));
            script.write("#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + recorded.toUtf8() + "'\n");
        }
        QFile(engine).setPermissions(QFileDevice::ReadOwner | QFileDevice::ExeOwner);
        const QString project = dir.filePath(QStringLiteral("project"));
        QVERIFY(QDir().mkpath(project));
        RunsPanel panel;
        panel.setEngine(engine);
        panel.setProject(project);
        RunRequest r;
        r.kind = RunRequest::Kind::PreTraining;
        r.name = QStringLiteral("pre");
        panel.setRequest(r);
        auto setDouble = [&panel](const char* name, double value) {
            auto* box = panel.findChild<QDoubleSpinBox*>(QLatin1String(name));
            QVERIFY2(box != nullptr && box->isEnabled(), name);
            box->setValue(value);
        };
        auto setInt = [&panel](const char* name, int value) {
            auto* box = panel.findChild<QSpinBox*>(QLatin1String(name));
            QVERIFY2(box != nullptr && box->isEnabled(), name);
            box->setValue(value);
        };
        setDouble("phi1", 0.2);
        setInt("maskLength", 3);
        setDouble("phi2", 0.5);
        setDouble("tau", 0.05);
        setInt("clusterers", 3);
        auto arguments = [&recorded] {
            QFile file(recorded);
            return file.open(QIODevice::ReadOnly)
                       ? QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts)
                       : QStringList();
        };
        auto valueAfter = [](const QStringList& args, const QString& option) {
            const qsizetype at = args.indexOf(option);
            return at >= 0 && at + 1 < args.size() ? args[at + 1] : QString();
        };
        QSignalSpy finished(&panel, &RunsPanel::runFinished);
        QVERIFY2(panel.start(), qPrintable(panel.status()));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QStringList args = arguments();
        QCOMPARE(args.value(0), QStringLiteral("pretrain"));
        QCOMPARE(valueAfter(args, "--phi1"), QStringLiteral("0.2"));
        QCOMPARE(valueAfter(args, "--mask-length"), QStringLiteral("3"));
        QCOMPARE(valueAfter(args, "--phi2"), QStringLiteral("0.5"));
        QCOMPARE(valueAfter(args, "--tau"), QStringLiteral("0.05"));
        QCOMPARE(valueAfter(args, "--clusterers"), QStringLiteral("3"));

        // Clustering: N clusterers and the K range; the masking is not its business.
        auto* kind = panel.findChild<QComboBox*>(QStringLiteral("kind"));
        QVERIFY(kind != nullptr);
        kind->setCurrentIndex(kind->findData(static_cast<int>(RunRequest::Kind::Clustering)));
        setInt("kMin", 8);
        setInt("kMax", 16);
        QVERIFY(!panel.findChild<QDoubleSpinBox*>(QStringLiteral("tau"))->isEnabled());
        QVERIFY2(panel.start(), qPrintable(panel.status()));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 60000);
        args = arguments();
        QCOMPARE(args.value(0), QStringLiteral("cluster"));
        QCOMPARE(valueAfter(args, "--clusterers"), QStringLiteral("3"));
        QCOMPARE(valueAfter(args, "--k-min"), QStringLiteral("8"));
        QCOMPARE(valueAfter(args, "--k-max"), QStringLiteral("16"));
        QVERIFY(!args.contains(QStringLiteral("--phi1")));

        // A remote pre-training hands the same settings to `remote run --pretrain`.
        RunRequest remote = panel.request();
        remote.kind = RunRequest::Kind::PreTraining;
        remote.onRemoteHost = true;
        remote.remoteHost.host = QStringLiteral("gpu.example.org");
        remote.remoteHost.user = QStringLiteral("me");
        const QStringList remoteArgs = remote.arguments();
        QVERIFY(remoteArgs.contains(QStringLiteral("--pretrain")));
        QCOMPARE(valueAfter(remoteArgs, "--phi1"), QStringLiteral("0.2"));
        QCOMPARE(valueAfter(remoteArgs, "--mask-length"), QStringLiteral("3"));
        QCOMPARE(valueAfter(remoteArgs, "--phi2"), QStringLiteral("0.5"));
        QCOMPARE(valueAfter(remoteArgs, "--tau"), QStringLiteral("0.05"));
    }

    void commandLineIsQuotedForAShell() {
        QCOMPARE(commandLineText("logonet", {"train", "--project", "/my data/it's"}),
                 QStringLiteral("logonet train --project '/my data/it'\\''s'"));
    }

    void panelShowsTheFormsCommandLine() {
        RunsPanel panel;
        panel.setEngine(QStringLiteral("logonet"));
        panel.setProject(QStringLiteral("/p"));
        RunRequest r;
        r.name = QStringLiteral("tiny");
        r.iterations = 7;
        r.crop = QStringLiteral("32");
        panel.setRequest(r);
        QCOMPARE(panel.commandLineShown(),
                 QStringLiteral("logonet train --project /p --run tiny --arch logonet-tiny "
                                "--iters 7 --batch 2 --crop 32 --lr 0.0001 --device cpu "
                                "--progress json"));
        // A change in a form control shows at once.
        auto* amp = panel.findChild<QCheckBox*>();
        QVERIFY(amp != nullptr);
        amp->setChecked(true);
        QVERIFY(panel.commandLineShown().contains(QStringLiteral(" --amp ")));
        QCOMPARE(panel.request().iterations, 7);
        QVERIFY(panel.request().amp);

        // Preparation overrides: modality and spacing go on the command line only when set.
        auto* modality = panel.findChild<QComboBox*>(QStringLiteral("modality"));
        auto* spacing = panel.findChild<QLineEdit*>(QStringLiteral("spacing"));
        QVERIFY(modality != nullptr && spacing != nullptr);
        QVERIFY(!panel.commandLineShown().contains(QStringLiteral("--modality")));
        modality->setCurrentIndex(modality->findData(QStringLiteral("mr")));
        spacing->setText(QStringLiteral("1,1,2.5"));
        QVERIFY2(
            panel.commandLineShown().contains(QStringLiteral(" --modality mr --spacing 1,1,2.5 ")),
            qPrintable(panel.commandLineShown()));
        spacing->setText(QStringLiteral("1,0,2"));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, panel.request().arguments());
    }

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

    // The form says what the project's preparation settings are, and what its scans suggest.
    void formShowsTheProjectsPreparationSettings() {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p"));
        {
            logonet::Project created =
                logonet::Project::create(project.toStdString(), logonet::LabelSet::btcv());
            logonet::PreparationDefaults defaults;
            defaults.modality = "mr";
            defaults.spacing = {0.75, 0.75, 3.0};
            logonet::setPreparationDefaults(created, defaults);
        }
        RunsPanel panel;
        panel.setProject(project);
        auto* modality = panel.findChild<QComboBox*>(QStringLiteral("modality"));
        auto* spacing = panel.findChild<QLineEdit*>(QStringLiteral("spacing"));
        QVERIFY2(modality->itemText(0).contains(QStringLiteral("mr")),
                 qPrintable(modality->itemText(0)));
        QVERIFY2(spacing->placeholderText().contains(QStringLiteral("0.75,0.75,3 mm")),
                 qPrintable(spacing->placeholderText()));
    }

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

QTEST_MAIN(TestRuns)
#include "test_runs.moc"
