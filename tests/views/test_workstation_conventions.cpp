// What users bring from ITK-SNAP and Slicer, in the real main window: single-key shortcuts work
// whichever dock tab is shown, the shortcuts page lists every shortcut the window has, window and
// level are typed in as numbers, a review verdict starts empty and "Next case" walks a run's
// cases worst first.
#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QDropEvent>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>
#include <QPushButton>
#include <QSet>
#include <QShortcut>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include "annotation/AnnotationPanel.h"
#include "annotation/AnnotationSettings.h"
#include "common/IntensityWindow.h"
#include "dialogs/ShortcutsDialog.h"
#include "mainwindow/DemoProject.h"
#include "mainwindow/MainWindow.h"
#include "mainwindow/ScratchProject.h"
#include "overlay/LabelOverlayPanel.h"
#include "overlay/OverlaySettings.h"
#include "project/Project.h"
#include "render3d/VolumeView3D.h"
#include "review/CaseReviewTable.h"
#include "review/ReviewStatusBar.h"
#include "runs/RunsPanel.h"

using namespace logonet;
using namespace logonet::views;

namespace {

QJsonObject liverScore(double dice) {
    return QJsonObject{{"liver", QJsonObject{{"dice", dice}}}};
}

}  // namespace

class TestWorkstationConventions : public QObject {
    Q_OBJECT
  private:
    QTemporaryDir dir_;
    std::unique_ptr<MainWindow> window_;
    int64_t betterScan_ = 0;
    int64_t worseScan_ = 0;
    QString projectDir_;

    void raiseDock(const char* name) {
        auto* dock = window_->findChild<QDockWidget*>(QString::fromLatin1(name));
        QVERIFY(dock != nullptr);
        dock->raise();
        QTRY_VERIFY(dock->widget()->isVisible());
    }

  private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        projectDir_ = dir_.filePath("demo");
        const QString projectDir = projectDir_;
        DemoProjectOptions options;
        options.cases = 2;
        options.size = {48, 48, 32};
        createDemoProject(projectDir.toStdString(), options);
        QString better;
        QString worse;
        {
            // Both scans predicted by run-a (their ground truth, stored as predictions).
            Project project = Project::open(projectDir.toStdString());
            const auto scans = project.scans();
            QVERIFY(scans.size() >= 2);
            for (const ScanRecord& scan : scans) {
                const auto truth = project.currentLabels(scan.id);
                QVERIFY(truth);
                project.addLabelVersion(scan.id, "prediction", project.loadLabels(truth->id),
                                        "run-a");
            }
            betterScan_ = scans[0].id;
            worseScan_ = scans[1].id;
            better = QString::fromStdString(scans[0].name);
            worse = QString::fromStdString(scans[1].name);
        }
        QVERIFY(QDir().mkpath(projectDir + "/runs/run-a"));
        QFile config(projectDir + "/runs/run-a/config.json");
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(R"({"architecture":"logonet-tiny"})");
        config.close();
        QFile evaluation(projectDir + "/runs/run-a/evaluation.json");
        QVERIFY(evaluation.open(QIODevice::WriteOnly));
        evaluation.write(
            QJsonDocument(
                QJsonObject{
                    {"classes",
                     QJsonArray{QJsonObject{
                         {"name", "liver"}, {"cases", 2}, {"dice_mean", 0.7}, {"dice_std", 0.2}}}},
                    {"cases", QJsonObject{{better, liverScore(0.9)}, {worse, liverScore(0.5)}}}})
                .toJson());
        evaluation.close();

        VolumeView3D::prepareSurfaceFormat();
        window_ = std::make_unique<MainWindow>();
        window_->setQuietErrors(true);
        window_->resize(1500, 950);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        window_->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window_.get()));
        QVERIFY(window_->openProject(projectDir));
        QVERIFY(window_->showScan(betterScan_));
    }

    // The tool keys of the Annotation dock and L of the Display dock, with those docks closed
    // (a panel's own shortcuts die with it) and with another tab raised.
    void singleKeysWorkWhicheverTabIsShown() {
        auto* annotationDock = window_->findChild<QDockWidget*>("annotation");
        auto* displayDock = window_->findChild<QDockWidget*>("display");
        raiseDock("runs");
        annotationDock->close();
        displayDock->close();
        QVERIFY(!window_->annotationPanel()->isVisible());
        QVERIFY(!window_->overlayPanel()->isVisible());
        auto* settings = window_->findChild<AnnotationSettings*>();
        settings->setTool(AnnotationSettings::Tool::Brush);
        QTest::keyClick(window_.get(), Qt::Key_E);
        QCOMPARE(settings->tool(), AnnotationSettings::Tool::Eraser);
        QTest::keyClick(window_.get(), Qt::Key_F);
        QCOMPARE(settings->tool(), AnnotationSettings::Tool::Fill);
        const bool shown = window_->overlaySettings()->enabled();
        QTest::keyClick(window_.get(), Qt::Key_L);
        QCOMPARE(window_->overlaySettings()->enabled(), !shown);
        QTest::keyClick(window_.get(), Qt::Key_L);
        QCOMPARE(window_->overlaySettings()->enabled(), shown);
        annotationDock->show();
        displayDock->show();
        raiseDock("annotation");
        QTest::keyClick(window_.get(), Qt::Key_B);
        QCOMPARE(settings->tool(), AnnotationSettings::Tool::Brush);
    }

    void shortcutsPageListsEveryShortcut() {
        ShortcutsDialog dialog(window_.get());
        auto* table = dialog.findChild<QTableWidget*>();
        QVERIFY(table != nullptr);
        QSet<QString> listed;
        for (int row = 0; row < table->rowCount(); ++row) {
            QString keys = table->item(row, 0)->text();
            for (const char* separator : {" / ", ", ", " - "}) {
                keys.replace(QString::fromLatin1(separator), QStringLiteral("|"));
            }
            for (const QString& key : keys.split('|')) {
                listed.insert(key.trimmed());
            }
        }
        QStringList missing;
        const auto check = [&](const QKeySequence& sequence, const QString& what) {
            const QString key = sequence.toString(QKeySequence::PortableText);
            if (!key.isEmpty() && !listed.contains(key)) {
                missing << key + " (" + what + ")";
            }
        };
        for (QAction* action : window_->findChildren<QAction*>()) {
            for (const QKeySequence& sequence : action->shortcuts()) {
                check(sequence, action->text());
            }
        }
        for (QShortcut* shortcut : window_->findChildren<QShortcut*>()) {
            check(shortcut->key(), QStringLiteral("shortcut"));
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(", ")));
    }

    void windowAndLevelAreTypedIn() {
        raiseDock("display");
        auto* width = window_->findChild<QDoubleSpinBox*>(QStringLiteral("windowWidth"));
        auto* level = window_->findChild<QDoubleSpinBox*>(QStringLiteral("windowLevel"));
        QVERIFY(width != nullptr && level != nullptr);
        width->setFocus();
        width->selectAll();
        QTest::keyClicks(width, QStringLiteral("350"));
        QTest::keyClick(width, Qt::Key_Return);
        QCOMPARE(window_->intensityWindow()->value().window, 350.0);
        level->setFocus();
        level->selectAll();
        QTest::keyClicks(level, QStringLiteral("-20"));
        QTest::keyClick(level, Qt::Key_Return);
        QCOMPARE(window_->intensityWindow()->value().level, -20.0);
        // A preset (key 3: bone) shows its numbers in the boxes.
        window_->setFocus();
        QTest::keyClick(window_.get(), Qt::Key_3);
        QCOMPARE(width->value(), window_->intensityWindow()->value().window);
        QVERIFY(width->value() != 350.0);
    }

    void verdictStartsEmptyAndNextCaseWalksWorstFirst() {
        auto* runs = window_->findChild<RunsPanel*>();
        runs->selectRuns({"run-a"});
        ReviewStatusBar* verdict = window_->reviewStatus();
        QCOMPARE(runs->reviewTable()->caseOrder().size(), 2);
        QTest::mouseClick(verdict->nextButton(), Qt::LeftButton);
        QVERIFY2(window_->currentScan() == std::optional<qint64>(worseScan_),
                 qPrintable(window_->lastError() + " | " + window_->statusBar()->currentMessage() +
                            " | " + runs->reviewTable()->caseOrder().join(',')));
        QVERIFY(verdict->versionId().has_value());
        QVERIFY(!verdict->hasVerdict());
        QVERIFY(!verdict->saveButton()->isEnabled());
        QVERIFY(!verdict->save());

        QTest::mouseClick(verdict->nextButton(), Qt::LeftButton);
        QCOMPARE(window_->currentScan(), std::optional<qint64>(betterScan_));
        QVERIFY(!verdict->hasVerdict());
        verdict->setStatus(ReviewStatus::Accepted);
        QVERIFY(verdict->saveButton()->isEnabled());
        QTest::mouseClick(verdict->saveButton(), Qt::LeftButton);
        QVERIFY(verdict->storedText().startsWith("stored"));

        // The end of the list: the case and its saved verdict stay.
        QTest::mouseClick(verdict->nextButton(), Qt::LeftButton);
        QCOMPARE(window_->currentScan(), std::optional<qint64>(betterScan_));
        QVERIFY(verdict->hasVerdict());
    }

    // A file opened directly (command line or drop) lands in a scratch project the user keeps.
    void filesOpenInAScratchProjectTheUserKeeps() {
        QString image;
        QString labels;
        {
            const Project project =
                Project::open(projectDir_.toStdString(), Project::Access::Shared);
            const ScanRecord scan = project.scan(betterScan_);
            image = projectDir_ + "/" + QString::fromStdString(scan.path);
            labels = projectDir_ + "/" +
                     QString::fromStdString(project.labelVersions(betterScan_).front().path);
        }
        auto* scratch = window_->findChild<ScratchProject*>();
        QVERIFY(scratch != nullptr);
        const QDir root(ScratchProject::root());
        const QStringList before = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);

        // Bad input: a label file that does not exist is named, and nothing half-made stays.
        QVERIFY(!scratch->open({image}, dir_.filePath("missing_seg.nii.gz")));
        QVERIFY2(scratch->error().contains("missing_seg.nii.gz"), qPrintable(scratch->error()));
        QCOMPARE(root.entryList(QDir::Dirs | QDir::NoDotAndDotDot), before);

        QVERIFY2(scratch->open({image}, labels), qPrintable(scratch->error()));
        auto* runs = window_->findChild<RunsPanel*>();
        const QString opened = runs->project();
        QVERIFY(scratch->isScratch(opened));
        QVERIFY(window_->currentScan().has_value());
        QVERIFY(window_->labels() != nullptr);
        QVERIFY(scratch->keepAction()->isEnabled());

        const QString kept = dir_.filePath("kept");
        QVERIFY2(scratch->keepAs(kept), qPrintable(scratch->error()));
        QCOMPARE(QFileInfo(runs->project()).absoluteFilePath(), QFileInfo(kept).absoluteFilePath());
        QVERIFY(window_->labels() != nullptr);
        {
            const Project project = Project::open(kept.toStdString(), Project::Access::Shared);
            QCOMPARE(project.scanCount(), int64_t{1});
            QVERIFY(project.currentLabels(project.scans().front().id).has_value());
        }

        // Dropped onto the window: another scratch project with the dropped scan.
        auto* mime = new QMimeData;
        mime->setUrls({QUrl::fromLocalFile(image)});
        QVERIFY(window_->acceptDrops());
        QDragEnterEvent enter(QPoint(200, 200), Qt::CopyAction, mime, Qt::LeftButton,
                              Qt::NoModifier);
        QApplication::sendEvent(window_.get(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(200, 200), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(window_.get(), &drop);
        delete mime;
        QVERIFY2(scratch->isScratch(runs->project()),
                 qPrintable(runs->project() + " | " + window_->statusBar()->currentMessage()));
        QVERIFY(runs->project() != opened);
        QVERIFY(window_->currentScan().has_value());
        QVERIFY(window_->labels() == nullptr);  // a dropped image alone comes unlabeled

        for (const QString& made : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            if (!before.contains(made) && root.filePath(made) != runs->project()) {
                QDir(root.filePath(made)).removeRecursively();
            }
        }
    }

    void cleanupTestCase() {
        const QString last = window_ ? window_->findChild<RunsPanel*>()->project() : QString();
        window_.reset();
        if (ScratchProject::isScratchDirectory(last)) {
            QDir(last).removeRecursively();
        }
    }
};

QTEST_MAIN(TestWorkstationConventions)
#include "test_workstation_conventions.moc"
