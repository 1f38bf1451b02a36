// The File, View and Help menus of MainWindow and the dialogs they open.
#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>

#include "dialogs/ImportDialog.h"
#include "dialogs/ImportProgress.h"
#include "dialogs/ShortcutsDialog.h"
#include "mainwindow/MainWindow.h"
#include "project/Project.h"
#include "slices/SliceView.h"

namespace logonet {
namespace views {

namespace {
const char* kRecentKey = "recentProjects";
constexpr int kRecentCount = 8;
}  // namespace

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New project..."), QKeySequence::New, this, &MainWindow::newProjectDialog);
    file->addAction(tr("&Open project..."), QKeySequence::Open, this,
                    &MainWindow::openProjectDialog);
    recentMenu_ = file->addMenu(tr("Recent projects"));
    file->addSeparator();
    importAction_ = file->addAction(tr("&Import scans..."), QKeySequence(tr("Ctrl+I")), this,
                                    &MainWindow::importDialog);
    exportAction_ = file->addAction(tr("&Export mask..."), QKeySequence(tr("Ctrl+E")), this,
                                    &MainWindow::exportDialog);
    importAction_->setEnabled(false);
    exportAction_->setEnabled(false);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    rebuildRecentMenu();

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    view->addAction(tr("Reset slice views"), this, [this] {
        for (SliceView* v : views_) {
            v->resetView();
        }
    });

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard shortcuts"), QKeySequence::HelpContents, this, [this] {
        ShortcutsDialog dialog(this);
        dialog.exec();
    });
    help->addAction(tr("&About"), this, &MainWindow::showAbout);
}

void MainWindow::newProjectDialog() {
    const QString dir =
        QFileDialog::getExistingDirectory(this, tr("Choose an empty folder for the new project"));
    if (!dir.isEmpty()) {
        createProject(dir);
    }
}

void MainWindow::openProjectDialog() {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open project folder"));
    if (!dir.isEmpty()) {
        openProject(dir);
    }
}

void MainWindow::importDialog() {
    if (!project_) {
        return;
    }
    ImportDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    const ImportReport report =
        importWithProgress(this, *project_, dialog.paths(), dialog.options());
    refreshScans();
    if (!report.labelSetNote.empty()) {
        // A dataset.json's names became the project's: the views show them at once.
        applyLabelSet(project_->labelSet());
    }
    const QString text = describeImportReport(report);
    if (report.failures.empty()) {
        QMessageBox::information(this, tr("Import scans"), text);
    } else {
        showError(tr("Import scans"), text);
    }
}

void MainWindow::exportDialog() {
    if (!labels()) {
        showError(tr("Export mask"), tr("The current scan has no label map to export."));
        return;
    }
    const QString file =
        QFileDialog::getSaveFileName(this, tr("Export mask as NIfTI"),
                                     QStringLiteral("mask.nii.gz"), tr("NIfTI (*.nii.gz *.nii)"));
    if (!file.isEmpty()) {
        exportMask(file);
    }
}

void MainWindow::showAbout() {
    QMessageBox::about(
        this, tr("About the LoGoNet workstation"),
        tr("<h3>LoGoNet workstation %1</h3><p>Look at 3D scans and their labels, correct them, "
           "pre-train and fine-tune the Masked LoGoNet segmentation network (KDD 2024) and "
           "review its predictions.</p>")
            .arg(QApplication::applicationVersion()));
}

void MainWindow::rememberRecent(const QString& dir) {
    QSettings settings;
    QStringList recent = settings.value(kRecentKey).toStringList();
    recent.removeAll(dir);
    recent.prepend(dir);
    while (recent.size() > kRecentCount) {
        recent.removeLast();
    }
    settings.setValue(kRecentKey, recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu() {
    recentMenu_->clear();
    const QStringList recent = QSettings().value(kRecentKey).toStringList();
    for (const QString& dir : recent) {
        recentMenu_->addAction(dir, this, [this, dir] { openProject(dir); });
    }
    recentMenu_->setEnabled(!recent.isEmpty());
}

}  // namespace views
}  // namespace logonet
