// The lab's daily loop in the window, with the real engine and real button presses: a fresh
// project (never prepared in a terminal) trains a tiny run from the Runs panel's Start button,
// an unlabeled scan is predicted through "Predict this scan", the prediction is shown at once,
// corrected with the brush, saved, exported in the nnU-Net layout and read back with nibabel
// against the scan's affine. Also Cancel, a run of another label set refused with both named,
// and a batch export into one folder.
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QImage>
#include <QLineEdit>
#include <QMouseEvent>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <cstdio>
#include <filesystem>

#include "TinyEngineProject.h"
#include "annotation/AnnotationSettings.h"
#include "browser/ScanBrowser.h"
#include "mainwindow/MainWindow.h"
#include "mainwindow/RunFocus.h"
#include "plots/TrainingCurves.h"
#include "predict/ExportLabelsDialog.h"
#include "predict/PredictActions.h"
#include "predict/PredictDialog.h"
#include "project/Project.h"
#include "render3d/VolumeView3D.h"
#include "runs/RunEventLog.h"
#include "runs/RunsPanel.h"
#include "slices/SliceView.h"
#include "versions/LabelVersionSelector.h"

using namespace logonet;
using namespace logonet::views;

namespace {

constexpr int kEngineTimeoutMs = 180000;
constexpr LabelValue kPaintedLabel = 13;

QString runEngine(const QString& engine, const QStringList& arguments) {
    QProcess step;
    step.start(engine, arguments);
    if (!step.waitForFinished(kEngineTimeoutMs) || step.exitCode() != 0) {
        return "logonet " + arguments.join(' ') + ": " +
               QString::fromUtf8(step.readAllStandardError());
    }
    return {};
}

}  // namespace

class TestPredictLoop : public QObject {
    Q_OBJECT
  private:
    QTemporaryDir dir_;
    QString engine_;
    QString project_;
    int64_t unlabeledScan_ = 0;
    std::unique_ptr<MainWindow> window_;

    PredictActions* actions() const { return window_->findChild<PredictActions*>(); }
    QAction* action(const char* name) const {
        return window_->findChild<QAction*>(QString::fromLatin1(name));
    }
    SliceView* axial() const { return window_->sliceView(SliceOrientation::Axial); }
    QPoint at(int64_t i, int64_t j) const {
        return axial()->widgetPosition({i, j, axial()->sliceIndex()}).toPoint();
    }
    void drag(const QPoint& from, const QPoint& to) {
        SliceView* view = axial();
        QTest::mousePress(view, Qt::LeftButton, Qt::NoModifier, from);
        QMouseEvent move(QEvent::MouseMove, QPointF(to), view->mapToGlobal(QPointF(to)),
                         Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(view, &move);
        QTest::mouseRelease(view, Qt::LeftButton, Qt::NoModifier, to);
    }
    LabelVersionRecord storedVersion(int64_t versionId) const {
        const Project project = Project::open(project_.toStdString(), Project::Access::Shared);
        return project.labelVersion(versionId);
    }
    ScanRecord storedScan(const QString& project, int64_t scanId) const {
        const Project opened = Project::open(project.toStdString(), Project::Access::Shared);
        return opened.scan(scanId);
    }
    // Presses Predict in the dialog and waits for the engine; returns its `ok`.
    bool pressPredict() {
        PredictDialog* dialog = actions()->predictDialog();
        QSignalSpy finished(dialog, &PredictDialog::predictionFinished);
        QTest::mouseClick(dialog->predictButton(), Qt::LeftButton);
        if (!finished.wait(kEngineTimeoutMs)) {
            return false;
        }
        return finished.front().front().toBool();
    }

  private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        engine_ = logonet::testing::testEngine(LOGONET_ENGINE_FOR_TESTS);
        QVERIFY(QFileInfo(engine_).isExecutable());  // main() skipped the program otherwise
        QVERIFY(dir_.isValid());
        qputenv("LOGONET_ENGINE", engine_.toUtf8());
        project_ = dir_.filePath("project");
        const QString data = dir_.filePath("data");
        const QString unlabeled = dir_.filePath("unlabeled");
        // A fresh project: imported, never prepared (the run started in the window prepares).
        for (const QStringList& step :
             {QStringList{"demo-data", "--out", data, "--cases", "2", "--size", "48,48,40"},
              QStringList{"demo-data", "--out", unlabeled, "--cases", "1", "--size", "48,48,40",
                          "--seed", "9"},
              QStringList{"project", "create", project_},
              QStringList{"import", data + "/imagesTr", "--labels", data + "/labelsTr", "--project",
                          project_},
              QStringList{"import", unlabeled + "/imagesTr", "--unlabeled", "--split", "test",
                          "--project", project_}}) {
            const QString failure = runEngine(engine_, step);
            QVERIFY2(failure.isEmpty(), qPrintable(failure));
        }
        QVERIFY(!QDir(project_ + "/cache").exists() || QDir(project_ + "/cache").isEmpty());
        {
            const Project project = Project::open(project_.toStdString(), Project::Access::Shared);
            for (const ScanRecord& scan : project.scans()) {
                if (!scan.labeled) {
                    unlabeledScan_ = scan.id;
                }
            }
        }
        QVERIFY(unlabeledScan_ > 0);
        VolumeView3D::prepareSurfaceFormat();
        window_ = std::make_unique<MainWindow>();
        window_->setQuietErrors(true);
        window_->resize(1400, 900);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        QVERIFY(window_->openProject(project_));
    }

    // No terminal step: Start in the Runs panel trains on the fresh project.
    void startTrainsAFreshProject() {
        auto* runs = window_->findChild<RunsPanel*>();
        QVERIFY(runs != nullptr);
        QCOMPARE(runs->engine(), engine_);
        RunRequest r;
        r.name = QStringLiteral("tiny");
        r.iterations = 2;
        r.crop = QStringLiteral("32");
        r.batch = 2;
        r.learningRate = 0.003;
        runs->setRequest(r);
        QPushButton* start = nullptr;
        for (QPushButton* button : runs->findChildren<QPushButton*>()) {
            if (button->text() == QLatin1String("Start")) {
                start = button;
            }
        }
        QVERIFY(start != nullptr);
        QSignalSpy finished(runs, &RunsPanel::runFinished);
        QTest::mouseClick(start, Qt::LeftButton);
        QVERIFY(finished.wait(kEngineTimeoutMs));
        QVERIFY2(finished.front().at(1).toInt() == 0, qPrintable(runs->status()));
        QVERIFY(QFile::exists(project_ + "/cache/scan_000001.json"));
        QVERIFY(QFile::exists(project_ + "/runs/tiny/checkpoints/last.pt"));
        // The preparation's progress reached the file the panel follows.
        const RunEventLog log = RunEventLog::fromFile(project_ + "/runs/tiny/events.jsonl");
        QCOMPARE(log.scansToPrepare(), 2);
        QCOMPARE(log.preparedScans(), 2);
        QVERIFY(log.totalSteps() == 2);
    }

    // Import an unlabeled scan (fixture), predict, correct, save, export, read back.
    void predictCorrectSaveExport() {
        QVERIFY(window_->showScan(unlabeledScan_));
        QVERIFY(window_->labels() == nullptr);
        action("predictScan")->trigger();
        PredictDialog* dialog = actions()->predictDialog();
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->runChoice()->currentText(), QStringLiteral("tiny"));
        QVERIFY(pressPredict());
        QCOMPARE(dialog->progressValue(), 100);

        // Shown at once, as a label version named after the run.
        QVERIFY(window_->labels() != nullptr);
        QVERIFY(window_->currentVersion().has_value());
        const LabelVersionRecord prediction = storedVersion(*window_->currentVersion());
        QCOMPARE(prediction.kind, std::string("prediction"));
        QCOMPARE(prediction.runName, std::string("tiny"));
        QCOMPARE(prediction.scanId, unlabeledScan_);

        // "Correct this prediction" opens an editable copy in the annotation tools.
        QTest::mouseClick(window_->versionSelector()->correctButton(), Qt::LeftButton);
        QVERIFY(window_->editAction()->isChecked());
        const LabelVersionRecord correction = storedVersion(*window_->currentVersion());
        QCOMPARE(correction.kind, std::string("correction"));
        QCOMPARE(correction.parentVersionId, std::optional<int64_t>(prediction.id));

        auto* settings = window_->findChild<AnnotationSettings*>();
        QVERIFY(settings != nullptr);
        BrushOptions brush;
        brush.radius = 1.0;
        brush.extent = BrushOptions::Extent::Slice;
        settings->setBrush(brush);
        settings->setTool(AnnotationSettings::Tool::Brush);
        settings->setActiveLabel(kPaintedLabel);
        const int64_t k = axial()->sliceIndex();
        drag(at(20, 20), at(26, 20));
        QCOMPARE(window_->labels()->at(23, 20, k), kPaintedLabel);

        window_->saveLabelsAction()->trigger();
        QVERIFY(!window_->hasUnsavedEdits());
        const LabelVersionRecord saved = storedVersion(*window_->currentVersion());
        QCOMPARE(saved.kind, std::string("correction"));
        QVERIFY(saved.id > correction.id);

        // Export in the nnU-Net layout from the scan table's context menu action.
        QVERIFY(window_->browser()->selectScan(unlabeledScan_));
        QVERIFY(window_->browser()->table()->actions().contains(action("exportSelectedLabels")));
        action("exportSelectedLabels")->trigger();
        ExportLabelsDialog* exporter = actions()->exportDialog();
        QVERIFY(exporter->isVisible());
        const QString out = dir_.filePath("export-nnunet");
        exporter->folderBox()->setText(out);
        exporter->layoutChoice()->setCurrentIndex(0);
        QSignalSpy exported(exporter, &ExportLabelsDialog::exportFinished);
        QTest::mouseClick(exporter->exportButton(), Qt::LeftButton);
        QVERIFY(exported.wait(60000));
        QCOMPARE(exported.front().at(0).toInt(), 1);
        QCOMPARE(exported.front().at(1).toInt(), 0);

        const ScanRecord scan = storedScan(project_, unlabeledScan_);
        const QString file = out + "/labelsTr/" + QString::fromStdString(scan.name) + ".nii.gz";
        QVERIFY2(QFile::exists(file), qPrintable(file));
        QProcess python;
        python.start(LOGONET_PYTHON_FOR_TESTS,
                     {"-c",
                      "import sys, nibabel as nib, numpy as np\n"
                      "s = nib.load(sys.argv[1]); m = nib.load(sys.argv[2])\n"
                      "assert s.shape == m.shape, (s.shape, m.shape)\n"
                      "assert np.allclose(s.affine, m.affine, atol=1e-4), (s.affine, m.affine)\n"
                      "v = np.asarray(m.dataobj)\n"
                      "i, j, k = (int(a) for a in sys.argv[3:6])\n"
                      "print(int(v[i, j, k]))\n",
                      project_ + "/" + QString::fromStdString(scan.path), file, "23", "20",
                      QString::number(k)});
        QVERIFY(python.waitForFinished(60000));
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
        QCOMPARE(QString(python.readAllStandardOutput()).trimmed().toInt(),
                 static_cast<int>(kPaintedLabel));
    }

    // Cancel stops the engine: the dialog says so and no prediction is running any more.
    void cancelStopsPredicting() {
        window_->browser()->table()->selectAll();
        QCOMPARE(actions()->selectedScans().size(), 3);
        action("predictSelected")->trigger();
        PredictDialog* dialog = actions()->predictDialog();
        QSignalSpy finished(dialog, &PredictDialog::predictionFinished);
        QTest::mouseClick(dialog->predictButton(), Qt::LeftButton);
        QVERIFY(dialog->isPredicting());
        QVERIFY(dialog->cancelButton()->isEnabled());
        QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.front().front().toBool(), false);
        QVERIFY(!dialog->isPredicting());
        QVERIFY2(dialog->status().contains("Cancelled"), qPrintable(dialog->status()));
        QVERIFY(dialog->predictButton()->isEnabled());
    }

    // A run trained on another label set is refused before predicting, both sets named; an
    // export of scans without labels names each one.
    void otherLabelSetIsRefused() {
        const QString labels = dir_.filePath("two-labels.json");
        QFile file(labels);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"labels": [{"value": 1, "name": "tumour", "colour": [255, 0, 0]},
                                  {"value": 2, "name": "cyst", "colour": [0, 255, 0]}]})");
        file.close();
        const QString other = dir_.filePath("other");
        for (const QStringList& step :
             {QStringList{"project", "create", other, "--labels", labels},
              QStringList{"import", dir_.filePath("unlabeled") + "/imagesTr", "--unlabeled",
                          "--project", other}}) {
            const QString failure = runEngine(engine_, step);
            QVERIFY2(failure.isEmpty(), qPrintable(failure));
        }
        std::filesystem::copy((project_ + "/runs/tiny").toStdString(),
                              (other + "/runs/tiny").toStdString(),
                              std::filesystem::copy_options::recursive);
        QVERIFY(window_->openProject(other));
        QVERIFY(window_->showScan(1));
        action("predictScan")->trigger();
        PredictDialog* dialog = actions()->predictDialog();
        QCOMPARE(dialog->runChoice()->currentText(), QStringLiteral("tiny"));
        QVERIFY(!pressPredict());
        QVERIFY2(
            dialog->status().contains("1 spleen") && dialog->status().contains("1 tumour, 2 cyst"),
            qPrintable(dialog->status()));
        QVERIFY(!window_->currentVersion().has_value());

        window_->browser()->table()->selectAll();
        action("exportSelectedLabels")->trigger();
        ExportLabelsDialog* exporter = actions()->exportDialog();
        exporter->folderBox()->setText(dir_.filePath("export-folder"));
        exporter->layoutChoice()->setCurrentIndex(1);
        QSignalSpy exported(exporter, &ExportLabelsDialog::exportFinished);
        QTest::mouseClick(exporter->exportButton(), Qt::LeftButton);
        QVERIFY(exported.wait(60000));
        QCOMPARE(exported.front().at(0).toInt(), 0);
        QCOMPARE(exported.front().at(1).toInt(), 1);
        QVERIFY2(exporter->status().contains("no label map"), qPrintable(exporter->status()));
    }

    // Back on the trained project: a batch export into one folder writes every labeled scan.
    void batchExportIntoOneFolder() {
        QVERIFY(window_->openProject(project_));
        window_->browser()->table()->selectAll();
        action("exportSelectedLabels")->trigger();
        ExportLabelsDialog* exporter = actions()->exportDialog();
        const QString out = dir_.filePath("export-all");
        exporter->folderBox()->setText(out);
        exporter->layoutChoice()->setCurrentIndex(1);
        QSignalSpy exported(exporter, &ExportLabelsDialog::exportFinished);
        QTest::mouseClick(exporter->exportButton(), Qt::LeftButton);
        QVERIFY(exported.wait(60000));
        QCOMPARE(exported.front().at(0).toInt(), 3);
        QCOMPARE(QDir(out).entryList({"*.nii.gz"}, QDir::Files).size(), 3);
    }

    // The workstation's --project P --run NAME (README command 1's last step) on this project:
    // the run is selected with its curves, its prediction opened for review.
    void focusOnATrainedRun() {
        QVERIFY(window_->openProject(project_));
        QVERIFY(focusRun(*window_, QStringLiteral("tiny")));
        auto* runs = window_->findChild<RunsPanel*>();
        QVERIFY(runs->curves()->pointCount(QStringLiteral("tiny")) >= 1);
        QVERIFY(window_->currentScan().has_value());
        bool predicted = false;
        {
            const Project project = Project::open(project_.toStdString(), Project::Access::Shared);
            for (const LabelVersionRecord& v : project.labelVersions(*window_->currentScan())) {
                predicted = predicted || (v.kind == "prediction" && v.runName == "tiny");
            }
        }
        QVERIFY2(predicted, "the scan opened has a prediction of the run");
        QVERIFY(!focusRun(*window_, QStringLiteral("no-such-run")));

        // A run with nothing predicted yet (only its configuration): a scan in the views, not
        // four empty ones.
        const QString unscored = project_ + "/runs/unscored";
        QVERIFY(QDir().mkpath(unscored));
        QVERIFY(QFile::copy(project_ + "/runs/tiny/config.json", unscored + "/config.json"));
        std::vector<ScanRecord> scans;
        {
            const Project project = Project::open(project_.toStdString(), Project::Access::Shared);
            scans = project.scans();
        }
        QVERIFY(scans.size() >= 2);
        QVERIFY(window_->showScan(scans.back().id));
        QVERIFY(focusRun(*window_, QStringLiteral("unscored")));
        QCOMPARE(window_->currentScan(), std::optional<qint64>(scans.front().id));
        QVERIFY(QDir(unscored).removeRecursively());
    }

    void commandLineOpensTheTrainedRun() {
        window_.reset();  // releases the project lock for the workstation process
        const QString shot = dir_.filePath("focus.png");
        QProcess workstation;
        workstation.start(LOGONET_WORKSTATION,
                          {"--project", project_, "--run", "tiny", "--screenshot", shot});
        QVERIFY(workstation.waitForFinished(120000));
        QVERIFY2(workstation.exitCode() == 0, workstation.readAllStandardError().constData());
        QVERIFY(QImage(shot).width() > 400);
        workstation.start(LOGONET_WORKSTATION, {"--project", project_, "--run", "nope",
                                                "--screenshot", dir_.filePath("no.png")});
        QVERIFY(workstation.waitForFinished(120000));
        QCOMPARE(workstation.exitCode(), 1);
        QVERIFY2(workstation.readAllStandardError().contains("--run nope: no such run"),
                 "the missing run is named");
    }

    void cleanupTestCase() { window_.reset(); }
};

// Without the engine the loop cannot run: a CTest skip (SKIP_RETURN_CODE 77), never a pass.
int main(int argc, char** argv) {
    QApplication app(argc, argv);
    if (!QFileInfo(logonet::testing::testEngine(LOGONET_ENGINE_FOR_TESTS)).isExecutable()) {
        std::fprintf(stderr, "SKIP: build the logonet target first (the loop runs the engine)\n");
        return 77;
    }
    TestPredictLoop test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "test_predict_loop.moc"
