// The annotation side of MainWindow: the tool dock, the "Edit labels" toggle, label versions
// (select, save, correct a prediction) and the recovery of journaled strokes after a crash.
#include <QAction>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QSignalBlocker>
#include <QStatusBar>
#include <QToolBar>
#include <stdexcept>

#include "annotation/AnnotationController.h"
#include "annotation/AnnotationPanel.h"
#include "annotation/AnnotationSettings.h"
#include "annotation/LabelSetEditor.h"
#include "browser/ScanBrowser.h"
#include "journal/EditJournal.h"
#include "mainwindow/MainWindow.h"
#include "overlay/OverlaySettings.h"
#include "project/Project.h"
#include "render3d/MeshBuildTask.h"
#include "slices/SliceView.h"
#include "versions/LabelVersionSelector.h"

namespace logonet {
namespace views {

namespace {
// A journal without records is just its header (see EditJournal).
constexpr qint64 kJournalHeaderBytes = 48;
}  // namespace

void MainWindow::buildAnnotation() {
    auto* settings = new AnnotationSettings(this);
    annotation_ = new AnnotationController(settings, this);
    for (SliceView* view : views_) {
        annotation_->attachView(view);
    }
    annotationPanel_ = new AnnotationPanel(settings, annotation_, this);
    auto* dock = new QDockWidget(tr("Annotation"), this);
    dock->setObjectName(QStringLiteral("annotation"));
    dock->setWidget(annotationPanel_);
    addDockWidget(Qt::RightDockWidgetArea, dock);
    // A tab beside the display controls: stacked, both docks would make the window taller than
    // most screens.
    if (auto* display = findChild<QDockWidget*>(QStringLiteral("display"))) {
        tabifyDockWidget(display, dock);
        display->raise();
    }

    editAction_ = new QAction(tr("Edit labels"), this);
    editAction_->setCheckable(true);
    editAction_->setShortcut(QKeySequence(tr("Ctrl+L")));
    editAction_->setToolTip(tr("Switch the slice views to the annotation tools (Ctrl+L)"));
    editAction_->setEnabled(false);
    connect(editAction_, &QAction::toggled, this, &MainWindow::setEditing);
    saveLabelsAction_ = new QAction(tr("Save labels"), this);
    saveLabelsAction_->setShortcut(QKeySequence::Save);
    saveLabelsAction_->setToolTip(tr("Store the edited label map as a new version (Ctrl+S)"));
    saveLabelsAction_->setEnabled(false);
    connect(saveLabelsAction_, &QAction::triggered, this, [this] { saveLabels(); });

    versionSelector_ = new LabelVersionSelector(this);
    connect(versionSelector_, &LabelVersionSelector::versionChosen, this,
            [this](qint64 id) { selectLabelVersion(id); });
    connect(versionSelector_, &LabelVersionSelector::correctionRequested, this,
            [this](qint64 id) { correctPrediction(id); });

    QToolBar* bar = addToolBar(tr("Annotation"));
    bar->setObjectName(QStringLiteral("annotationBar"));
    bar->addWidget(versionSelector_);
    bar->addAction(editAction_);
    bar->addAction(saveLabelsAction_);
    bar->addAction(annotation_->undoAction());
    bar->addAction(annotation_->redoAction());

    // Before Help, which stays the last menu.
    QMenu* menu = new QMenu(tr("&Labels"), this);
    menu->addAction(editAction_);
    menu->addAction(saveLabelsAction_);
    menu->addAction(annotation_->undoAction());
    menu->addAction(annotation_->redoAction());
    menu->addSeparator();
    menu->addAction(tr("Label set..."), this, [this] {
        if (!project_) {
            return;
        }
        LabelSetEditor editor(project_->labelSet(), this);
        if (editor.exec() == QDialog::Accepted) {
            applyLabelSet(editor.labelSet());
        }
    });
    const QList<QAction*> menus = menuBar()->actions();
    menuBar()->insertMenu(menus.isEmpty() ? nullptr : menus.last(), menu);

    connect(annotation_, &AnnotationController::labelsChanged, this,
            [this] { unsavedEdits_ = true; });
    connect(annotation_, &AnnotationController::failed, this,
            [this](const QString& message) { showError(tr("Label editing"), message); });
    refreshVersions();
}

QString MainWindow::journalPath() const {
    if (!project_ || !scanId_) {
        return QString();
    }
    const std::string version = versionId_ ? std::to_string(*versionId_) : std::string("new");
    return QString::fromStdString(
        EditJournal::pathFor(project_->path(), std::to_string(*scanId_), version));
}

void MainWindow::startEditingSession() {
    annotation_->setVolumes(nullptr, nullptr);
    unsavedEdits_ = false;
    bool editable = project_ && scanId_;
    try {
        if (editable && versionId_) {
            editable = project_->labelVersion(*versionId_).kind != "prediction";
        }
        if (editable && !hasLabels_) {
            // Strokes painted on an unlabeled scan before a crash start from an empty map.
            if (QFileInfo(journalPath()).size() <= kJournalHeaderBytes) {
                // Nothing to edit until the user asks for a first label map.
                editAction_->setEnabled(true);
                setEditing(false);
                refreshVersions();
                return;
            }
            labels_ = LabelVolume(image_.geometry());
            hasLabels_ = true;
            for (SliceView* view : views_) {
                view->setLabels(&labels_);
            }
        }
        if (editable) {
            annotation_->setLabelSet(project_->labelSet());
            annotationPanel_->setLabelSet(project_->labelSet());
            annotation_->setVolumes(&labels_, &image_);
            const int restored = annotation_->recoverFromJournal(journalPath());
            if (restored > 0) {
                unsavedEdits_ = true;
                const QString message =
                    tr("Restored %1 unsaved stroke(s) of this scan from the journal.")
                        .arg(restored);
                statusBar()->showMessage(message, 10000);
                if (!quietErrors_) {
                    QMessageBox::information(this, tr("Edits restored"), message);
                }
            }
        }
    } catch (const std::exception& error) {
        annotation_->setVolumes(nullptr, nullptr);
        editable = false;
        showError(tr("Label editing"), QString::fromUtf8(error.what()));
    }
    editAction_->setEnabled(editable);
    if (!editable) {
        setEditing(false);
    }
    refreshVersions();
}

void MainWindow::setEditing(bool on) {
    if (on && scanId_ && !hasLabels_ && editAction_->isEnabled()) {
        // The first ground truth of an unlabeled scan.
        labels_ = LabelVolume(image_.geometry());
        hasLabels_ = true;
        for (SliceView* view : views_) {
            view->setLabels(&labels_);
        }
        startEditingSession();
    }
    const bool editing = on && hasLabels_ && editAction_->isEnabled();
    annotation_->setEditing(editing);
    if (editing) {
        annotationPanel_->parentWidget()->raise();  // the tools' tab
    }
    const QSignalBlocker blocker(editAction_);
    editAction_->setChecked(editing);
    saveLabelsAction_->setEnabled(hasLabels_ && editAction_->isEnabled());
}

void MainWindow::refreshVersions() {
    std::vector<LabelVersionRecord> versions;
    if (project_ && scanId_) {
        try {
            versions = project_->labelVersions(*scanId_);
        } catch (const std::exception& error) {
            showError(tr("Label versions"), QString::fromUtf8(error.what()));
        }
    }
    versionSelector_->setVersions(versions, versionId_);
    saveLabelsAction_->setEnabled(hasLabels_ && editAction_->isEnabled());
}

bool MainWindow::selectLabelVersion(qint64 versionId) {
    if (!project_ || !scanId_) {
        return false;
    }
    if (versionId_ && *versionId_ == versionId) {
        return true;
    }
    if (!confirmUnsavedEdits()) {
        refreshVersions();
        return false;
    }
    LabelVolume loaded;
    try {
        const LabelVersionRecord version = project_->labelVersion(versionId);
        if (version.scanId != *scanId_) {
            throw std::runtime_error(
                tr("label version %1 belongs to another scan").arg(versionId).toStdString());
        }
        loaded = project_->loadLabels(versionId);
        if (loaded.size() != image_.size()) {
            throw std::runtime_error(
                tr("label version %1 does not fit its scan").arg(versionId).toStdString());
        }
    } catch (const std::exception& error) {
        showError(tr("Cannot show label version"), QString::fromUtf8(error.what()));
        refreshVersions();
        return false;
    }
    meshTask_->cancel();
    annotation_->setVolumes(nullptr, nullptr);
    labels_ = std::move(loaded);
    hasLabels_ = true;
    versionId_ = versionId;
    for (SliceView* view : views_) {
        view->setLabels(&labels_);
        view->labelsChangedEverywhere();
    }
    startEditingSession();
    startMeshes();
    return true;
}

bool MainWindow::saveLabels() {
    if (!project_ || !scanId_ || !hasLabels_ || !editAction_->isEnabled()) {
        showError(tr("Save labels"), tr("There is no editable label map to save."));
        return false;
    }
    const bool firstVersion = !versionId_;
    LabelVersionRecord saved;
    try {
        saved = project_->addLabelVersion(*scanId_, firstVersion ? "ground-truth" : "correction",
                                          labels_, "", versionId_);
    } catch (const std::exception& error) {
        showError(tr("Save labels"), QString::fromUtf8(error.what()));
        return false;
    }
    // The strokes are in the new version now; its own journal takes the next ones.
    annotation_->labelsSaved();
    versionId_ = saved.id;
    try {
        annotation_->setJournal(journalPath());
    } catch (const std::exception& error) {
        showError(tr("Label editing"), QString::fromUtf8(error.what()));
    }
    unsavedEdits_ = false;
    if (firstVersion) {
        refreshScans();  // the scan is labeled now
        browser_->selectScan(*scanId_);
    }
    refreshVersions();
    startMeshes();
    statusBar()->showMessage(tr("Labels saved as version %1").arg(saved.id), 5000);
    return true;
}

bool MainWindow::correctPrediction(qint64 predictionId) {
    if (!project_ || !scanId_ || !confirmUnsavedEdits()) {
        return false;
    }
    LabelVersionRecord correction;
    try {
        const LabelVersionRecord prediction = project_->labelVersion(predictionId);
        if (prediction.kind != "prediction" || prediction.scanId != *scanId_) {
            throw std::runtime_error(
                tr("version %1 is not a prediction of this scan").arg(predictionId).toStdString());
        }
        correction = project_->addLabelVersion(
            *scanId_, "correction", project_->loadLabels(predictionId), "", predictionId);
    } catch (const std::exception& error) {
        showError(tr("Correct this prediction"), QString::fromUtf8(error.what()));
        return false;
    }
    unsavedEdits_ = false;
    if (!selectLabelVersion(correction.id)) {
        return false;
    }
    setEditing(true);
    return true;
}

bool MainWindow::applyLabelSet(const LabelSet& labels) {
    if (!project_) {
        return false;
    }
    try {
        project_->setLabelSet(labels);
    } catch (const std::exception& error) {
        showError(tr("Label set"), QString::fromUtf8(error.what()));
        return false;
    }
    overlay_->setLabelSet(project_->labelSet());
    annotation_->setLabelSet(project_->labelSet());
    annotationPanel_->setLabelSet(project_->labelSet());
    for (SliceView* view : views_) {
        view->labelsChangedEverywhere();
    }
    startMeshes();  // surface colours follow the label set
    return true;
}

bool MainWindow::confirmUnsavedEdits() {
    // Without dialogs (tests, --screenshot) the journal keeps the edits for the next session.
    if (!unsavedEdits_ || quietErrors_) {
        return true;
    }
    const auto answer = QMessageBox::question(
        this, tr("Unsaved label edits"),
        tr("The label map has edits that are not saved as a version. Save them now?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save) {
        return saveLabels();
    }
    if (answer == QMessageBox::Discard) {
        annotation_->labelsSaved();  // empties the journal: nothing to restore next time
        unsavedEdits_ = false;
        return true;
    }
    return false;
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (confirmUnsavedEdits() && confirmLeavingRun()) {
        event->accept();
    } else {
        event->ignore();
    }
}

}  // namespace views
}  // namespace logonet
