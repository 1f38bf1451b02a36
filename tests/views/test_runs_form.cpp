// The Runs panel's form and the engine's command line it makes: the arguments of each kind of run,
// incomplete or out-of-range forms refused, the command line shown as the form changes, the
// project's preparation settings shown, and the settings reaching an engine the panel starts.
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <stdexcept>

#include "project/PreparationDefaults.h"
#include "project/Project.h"
#include "runs/RunRequest.h"
#include "runs/RunsPanel.h"

using namespace logonet::views;

class TestRunsForm : public QObject {
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
};

QTEST_MAIN(TestRunsForm)
#include "test_runs_form.moc"
