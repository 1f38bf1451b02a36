// The pre-training panels of MainWindow: the Cluster Browser and the Masked Sequences viewer,
// each a dock at the bottom, hidden until chosen from the View menu.
#include <QDockWidget>
#include <QMenu>

#include "clusters/ClusterBrowser.h"
#include "common/SliceCursor.h"
#include "mainwindow/MainWindow.h"
#include "masking/MaskedSequencesPanel.h"
#include "runs/RunsPanel.h"

namespace logonet {
namespace views {

void MainWindow::buildPretrainingPanels() {
    clusterBrowser_ = new ClusterBrowser(this);
    auto* clustersDock = new QDockWidget(tr("Cluster browser"), this);
    clustersDock->setObjectName(QStringLiteral("clusters"));
    clustersDock->setWidget(clusterBrowser_);
    addDockWidget(Qt::BottomDockWidgetArea, clustersDock);
    clustersDock->hide();

    maskedSequences_ = new MaskedSequencesPanel(this);
    auto* maskingDock = new QDockWidget(tr("Masked sequences"), this);
    maskingDock->setObjectName(QStringLiteral("masked-sequences"));
    maskingDock->setWidget(maskedSequences_);
    addDockWidget(Qt::BottomDockWidgetArea, maskingDock);
    maskingDock->hide();

    if (auto* view = findChild<QMenu*>(QStringLiteral("viewMenu"))) {
        view->addSeparator();
        QAction* clusters = clustersDock->toggleViewAction();
        clusters->setText(tr("Cluster browser"));
        view->addAction(clusters);
        QAction* masking = maskingDock->toggleViewAction();
        masking->setText(tr("Masked sequences"));
        view->addAction(masking);
    }

    connect(clusterBrowser_, &ClusterBrowser::sliceChosen, this,
            [this](qint64 scanId, int axis, qint64 slice) {
                if (showScan(scanId) && axis >= 0 && axis < 3) {
                    cursor_->setAxisIndex(axis, slice);
                }
            });
    connect(this, &MainWindow::scanShown, this, [this](qint64 scanId) {
        clusterBrowser_->setCurrentScan(scanId);
        clusterBrowser_->setCursorVoxel(cursor_->voxel());
        maskedSequences_->setScan(scanId);
    });
    connect(cursor_, &SliceCursor::voxelChanged, clusterBrowser_, &ClusterBrowser::setCursorVoxel);
    // A clustering run started from the Runs panel replaces what the browser shows.
    if (auto* runs = findChild<RunsPanel*>()) {
        connect(runs, &RunsPanel::runFinished, clusterBrowser_, &ClusterBrowser::refresh);
    }
}

void MainWindow::showPretrainingProject(const QString& directory) {
    clusterBrowser_->setCurrentScan(std::nullopt);
    clusterBrowser_->setProject(directory);
    maskedSequences_->setProject(directory);
}

}  // namespace views
}  // namespace logonet
