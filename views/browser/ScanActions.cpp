#include "browser/ScanActions.h"

#include <QAction>
#include <QFileDialog>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTableView>

#include "browser/ScanBrowser.h"
#include "import/LabelAttachment.h"
#include "mainwindow/MainWindow.h"
#include "project/FoldAssignment.h"
#include "project/Project.h"
#include "project/ScanRemoval.h"

namespace logonet {
namespace views {

namespace {

QAction* choiceIn(QAction* menuAction, const QString& data) {
    for (QAction* action : menuAction->menu()->actions()) {
        if (action->data().toString() == data) {
            return action;
        }
    }
    return nullptr;
}

}  // namespace

ScanActions::ScanActions(MainWindow* window)
    : QObject(window),
      window_(window),
      splitMenu_(new QAction(tr("Set split"), this)),
      modalityMenu_(new QAction(tr("Set modality"), this)),
      attachLabels_(new QAction(tr("Attach label file..."), this)),
      remove_(new QAction(tr("Remove scan..."), this)),
      folds_(new QAction(tr("Split project into k folds..."), this)) {
    attachLabels_->setObjectName(QStringLiteral("attachLabelFile"));
    remove_->setObjectName(QStringLiteral("removeScans"));
    folds_->setObjectName(QStringLiteral("assignFolds"));
    attachLabels_->setToolTip(
        tr("Add a label map file as ground truth of this scan (its grid must be the scan's)"));
    folds_->setToolTip(tr("Deal the non-test scans into k cross-validation folds"));

    auto* splits = new QMenu(window);
    for (const auto& [split, text] :
         {std::pair{"train", tr("Train")}, std::pair{"val", tr("Validation")},
          std::pair{"test", tr("Test")}}) {
        const QString value = QString::fromLatin1(split);
        QAction* action = splits->addAction(text);
        action->setData(value);
        connect(action, &QAction::triggered, this,
                [this, value] { setSplit(selectedScans(), value); });
    }
    splitMenu_->setMenu(splits);
    auto* modalities = new QMenu(window);
    for (const QString& modality : {QStringLiteral("CT"), QStringLiteral("MR")}) {
        QAction* action = modalities->addAction(modality);
        action->setData(modality);
        connect(action, &QAction::triggered, this,
                [this, modality] { setModality(selectedScans(), modality); });
    }
    modalityMenu_->setMenu(modalities);
    connect(attachLabels_, &QAction::triggered, this, &ScanActions::chooseLabelFile);
    connect(remove_, &QAction::triggered, this, &ScanActions::askToRemove);
    connect(folds_, &QAction::triggered, this, &ScanActions::askForFolds);

    auto* separator = new QAction(this);
    separator->setSeparator(true);
    QTableView* table = window_->browser()->table();
    table->setContextMenuPolicy(Qt::ActionsContextMenu);
    table->addActions({separator, splitMenu_, modalityMenu_, attachLabels_, remove_, folds_});
}

QAction* ScanActions::splitAction(const QString& split) const {
    return choiceIn(splitMenu_, split);
}

QAction* ScanActions::modalityAction(const QString& modality) const {
    return choiceIn(modalityMenu_, modality);
}

QVector<qint64> ScanActions::selectedScans() const {
    return window_->browser()->selectedScanIds(window_->currentScan());
}

void ScanActions::reloadKeeping(const QVector<qint64>& selected) {
    window_->reloadScans();
    window_->browser()->setSelectedScanIds(selected);
}

void ScanActions::fail(const QString& title, const QString& message) {
    lastError_ = message;
    window_->statusBar()->showMessage(message, 10000);
    auto* box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, window_);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

bool ScanActions::changeScans(const QVector<qint64>& scanIds, const QString& failure,
                              const std::function<void(Project&, int64_t)>& change) {
    Project* project = window_->project();
    if (!project || scanIds.isEmpty()) {
        return false;
    }
    try {
        // All or none: a bad id among the selection changes nothing.
        Transaction transaction(project->database());
        for (const qint64 id : scanIds) {
            change(*project, id);
        }
        transaction.commit();
    } catch (const std::exception& error) {
        fail(failure, QString::fromUtf8(error.what()));
        return false;
    }
    reloadKeeping(scanIds);
    return true;
}

bool ScanActions::setSplit(const QVector<qint64>& scanIds, const QString& split) {
    return changeScans(scanIds, tr("Cannot set the split"), [&](Project& project, int64_t id) {
        project.setSplit(id, split.toStdString());
    });
}

bool ScanActions::setModality(const QVector<qint64>& scanIds, const QString& modality) {
    return changeScans(scanIds, tr("Cannot set the modality"), [&](Project& project, int64_t id) {
        project.setModality(id, modality.toStdString());
    });
}

void ScanActions::chooseLabelFile() {
    const auto scan = window_->currentScan();
    if (!window_->project() || !scan) {
        window_->statusBar()->showMessage(tr("Show a scan to attach a label file to"), 5000);
        return;
    }
    auto* dialog = new QFileDialog(window_, tr("Attach a label file to the scan shown"));
    dialog->setObjectName(QStringLiteral("attachLabelFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setOption(QFileDialog::DontUseNativeDialog);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setNameFilter(tr("Label maps (*.nii.gz *.nii *.nrrd *.mha *.mhd)"));
    const qint64 scanId = *scan;
    connect(dialog, &QFileDialog::fileSelected, this,
            [this, scanId](const QString& file) { attachLabelFile(scanId, file); });
    dialog->open();
}

bool ScanActions::attachLabelFile(qint64 scanId, const QString& file) {
    Project* project = window_->project();
    if (!project) {
        return false;
    }
    qint64 versionId = 0;
    try {
        versionId = logonet::attachLabelFile(*project, scanId, file.toStdString()).id;
    } catch (const std::exception& error) {
        fail(tr("Label file refused"), QString::fromUtf8(error.what()));
        return false;
    }
    window_->reloadScans();
    if (window_->currentScan() == scanId) {
        window_->selectLabelVersion(versionId);
    }
    window_->statusBar()->showMessage(tr("Attached %1 as ground truth").arg(file), 5000);
    return true;
}

void ScanActions::askToRemove() {
    Project* project = window_->project();
    const QVector<qint64> ids = selectedScans();
    if (!project || ids.isEmpty()) {
        return;
    }
    QStringList what;
    try {
        for (const qint64 id : ids) {
            what << QString::fromStdString(plannedRemoval(*project, id).describe());
        }
    } catch (const std::exception& error) {
        fail(tr("Cannot remove"), QString::fromUtf8(error.what()));
        return;
    }
    auto* box = new QMessageBox(QMessageBox::Question, tr("Remove scans"),
                                tr("Remove from the project, with their files:\n%1\n\nThis cannot "
                                   "be undone.")
                                    .arg(what.join('\n')),
                                QMessageBox::NoButton, window_);
    box->setObjectName(QStringLiteral("removeScansQuestion"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton* removeButton = box->addButton(tr("Remove"), QMessageBox::DestructiveRole);
    removeButton->setObjectName(QStringLiteral("confirmRemove"));
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [this, box, removeButton, ids] {
        if (box->clickedButton() == removeButton) {
            removeScans(ids);
        }
    });
    box->open();
}

bool ScanActions::removeScans(const QVector<qint64>& scanIds) {
    Project* project = window_->project();
    if (!project || scanIds.isEmpty()) {
        return false;
    }
    const bool shownGoes = window_->currentScan() && scanIds.contains(*window_->currentScan());
    try {
        for (const qint64 id : scanIds) {
            removeScan(*project, id);
        }
    } catch (const std::exception& error) {
        window_->reloadScans();
        fail(tr("Cannot remove"), QString::fromUtf8(error.what()));
        return false;
    }
    window_->reloadScans();
    // The removed scan's image is still in the views: show a scan that exists instead.
    if (shownGoes && project->scanCount() > 0) {
        window_->showScan(project->scans().front().id);
    }
    window_->statusBar()->showMessage(tr("Removed %n scan(s)", nullptr, scanIds.size()), 5000);
    return true;
}

void ScanActions::askForFolds() {
    if (!window_->project()) {
        return;
    }
    auto* dialog = new QInputDialog(window_);
    dialog->setObjectName(QStringLiteral("foldsDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Cross-validation folds"));
    dialog->setLabelText(tr("Deal the non-test scans into how many folds?"));
    dialog->setInputMode(QInputDialog::IntInput);
    dialog->setIntRange(2, 20);
    dialog->setIntValue(5);
    connect(dialog, &QInputDialog::intValueSelected, this, &ScanActions::assignFolds);
    dialog->open();
}

bool ScanActions::assignFolds(int folds) {
    Project* project = window_->project();
    if (!project) {
        return false;
    }
    try {
        // Seed 0, as `logonet split` without --seed: the window and the command agree.
        logonet::assignFolds(*project, folds, 0);
    } catch (const std::exception& error) {
        fail(tr("Cannot make folds"), QString::fromUtf8(error.what()));
        return false;
    }
    window_->reloadScans();
    return true;
}

}  // namespace views
}  // namespace logonet
