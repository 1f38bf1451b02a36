#include "predict/PredictActions.h"

#include <QAction>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>

#include "browser/ScanBrowser.h"
#include "browser/ScanTableModel.h"
#include "mainwindow/MainWindow.h"
#include "predict/ExportLabelsDialog.h"
#include "predict/PredictDialog.h"
#include "runs/RunsPanel.h"

namespace logonet {
namespace views {

PredictActions::PredictActions(MainWindow* window)
    : QObject(window),
      window_(window),
      predictDialog_(new PredictDialog(window)),
      exportDialog_(new ExportLabelsDialog(window)),
      predictScan_(new QAction(tr("Predict this scan..."), this)),
      predictSelected_(new QAction(tr("Predict selected scans..."), this)),
      correct_(new QAction(tr("Correct this prediction"), this)),
      exportSelected_(new QAction(tr("Export labels of selected scans..."), this)) {
    predictScan_->setObjectName(QStringLiteral("predictScan"));
    predictSelected_->setObjectName(QStringLiteral("predictSelected"));
    correct_->setObjectName(QStringLiteral("correctPrediction"));
    exportSelected_->setObjectName(QStringLiteral("exportSelectedLabels"));
    predictScan_->setToolTip(tr("Segment the scan shown with a trained run of this project"));
    exportSelected_->setToolTip(
        tr("Write the selected scans' label maps as NIfTI (nnU-Net layout or one folder)"));

    connect(predictScan_, &QAction::triggered, this, [this] {
        if (const auto scan = window_->currentScan()) {
            predict({*scan});
        }
    });
    connect(predictSelected_, &QAction::triggered, this, [this] { predict(selectedScans()); });
    connect(correct_, &QAction::triggered, this, [this] {
        if (const auto version = window_->currentVersion()) {
            window_->correctPrediction(*version);
        }
    });
    connect(exportSelected_, &QAction::triggered, this, [this] { exportLabels(selectedScans()); });
    connect(predictDialog_, &PredictDialog::scanPredicted, this, &PredictActions::showPrediction);

    // The scan table's context menu holds the table's actions (other features add theirs too).
    QTableView* table = window_->browser()->table();
    table->setContextMenuPolicy(Qt::ActionsContextMenu);
    table->addActions({predictScan_, predictSelected_, correct_, exportSelected_});

    QToolBar* bar = window_->addToolBar(tr("Prediction"));
    bar->setObjectName(QStringLiteral("predictionBar"));
    bar->addAction(predictSelected_);
    bar->addAction(exportSelected_);
}

QString PredictActions::projectDirectory() const {
    const auto* runs = window_->findChild<RunsPanel*>();
    return runs != nullptr ? runs->project() : QString();
}

QString PredictActions::engine() const {
    const auto* runs = window_->findChild<RunsPanel*>();
    return runs != nullptr ? runs->engine() : QString();
}

QVector<qint64> PredictActions::selectedScans() const {
    QTableView* table = window_->browser()->table();
    const auto* proxy = qobject_cast<const QSortFilterProxyModel*>(table->model());
    QModelIndexList rows = table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    QVector<qint64> ids;
    for (const QModelIndex& row : rows) {
        const int source = proxy != nullptr ? proxy->mapToSource(row).row() : row.row();
        if (const ScanRecord* scan = window_->browser()->model()->scanAt(source)) {
            ids.append(scan->id);
        }
    }
    if (ids.isEmpty() && window_->currentScan()) {
        ids.append(*window_->currentScan());
    }
    return ids;
}

bool PredictActions::predict(const QVector<qint64>& scanIds) {
    const QString project = projectDirectory();
    if (project.isEmpty() || scanIds.isEmpty()) {
        window_->statusBar()->showMessage(tr("Open a project and choose a scan to predict"), 5000);
        return false;
    }
    QStringList names;
    for (const qint64 id : scanIds) {
        const int row = window_->browser()->model()->rowOfScan(id);
        const ScanRecord* scan = window_->browser()->model()->scanAt(row);
        names << (scan != nullptr ? QString::fromStdString(scan->name) : QString::number(id));
    }
    if (!predictDialog_->setTask(engine(), project, scanIds, names)) {
        window_->statusBar()->showMessage(tr("A prediction is in progress"), 5000);
        predictDialog_->show();
        return false;
    }
    scansAsked_ = static_cast<int>(scanIds.size());
    predictedProject_ = project;
    predictDialog_->show();
    predictDialog_->raise();
    return true;
}

bool PredictActions::exportLabels(const QVector<qint64>& scanIds) {
    const QString project = projectDirectory();
    if (project.isEmpty() || scanIds.isEmpty()) {
        window_->statusBar()->showMessage(tr("Open a project and choose scans to export"), 5000);
        return false;
    }
    if (!exportDialog_->setTask(project, scanIds)) {
        exportDialog_->show();
        return false;
    }
    exportDialog_->show();
    exportDialog_->raise();
    return true;
}

void PredictActions::showPrediction(qint64 scanId, qint64 versionId) {
    // Another project opened meanwhile: its scan and version ids mean other things.
    if (projectDirectory() != predictedProject_) {
        return;
    }
    // The scan shown gets its prediction at once; a single scan asked for is also brought up.
    // Other scans of a batch are not switched to under the user's hands.
    const bool shown = window_->currentScan() && *window_->currentScan() == scanId;
    if (shown || (scansAsked_ == 1 && window_->showScan(scanId))) {
        window_->selectLabelVersion(versionId);
    }
    window_->statusBar()->showMessage(
        tr("Prediction stored as label version %1 of scan %2").arg(versionId).arg(scanId), 5000);
}

}  // namespace views
}  // namespace logonet
