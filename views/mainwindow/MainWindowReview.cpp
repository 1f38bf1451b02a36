// The QA review side of MainWindow: the Review dock (two label versions of the shown scan
// compared on slice views, the reviewer's verdict) and the jump from a run's review table to a
// case's scan, organ and slice of largest error.
#include <QComboBox>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QStatusBar>
#include <QVBoxLayout>

#include "common/SliceCursor.h"
#include "mainwindow/MainWindow.h"
#include "project/Project.h"
#include "review/ReviewStatusBar.h"
#include "review/ReviewTarget.h"
#include "review/ReviewView.h"
#include "versions/LabelVersionSelector.h"

namespace logonet {
namespace views {

void MainWindow::buildReview() {
    auto* panel = new QWidget(this);
    review_ = new ReviewView(cursor_, window_, panel);
    reviewStatus_ = new ReviewStatusBar(panel);
    reviewReference_ = new QComboBox(panel);
    reviewCompared_ = new QComboBox(panel);
    auto* choices = new QHBoxLayout;
    choices->addWidget(new QLabel(tr("Reference"), panel));
    choices->addWidget(reviewReference_, 1);
    choices->addWidget(new QLabel(tr("Compared"), panel));
    choices->addWidget(reviewCompared_, 1);
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(choices);
    layout->addWidget(review_, 1);
    layout->addWidget(reviewStatus_);

    auto* dock = new QDockWidget(tr("Review"), this);
    dock->setObjectName(QStringLiteral("review"));
    dock->setWidget(panel);
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    dock->hide();

    const auto chosen = [this] {
        const qint64 reference = reviewReference_->currentData().toLongLong();
        const qint64 compared = reviewCompared_->currentData().toLongLong();
        if (reference > 0 && compared > 0) {
            reviewVersions(reference, compared);
        }
    };
    connect(reviewReference_, qOverload<int>(&QComboBox::activated), this, chosen);
    connect(reviewCompared_, qOverload<int>(&QComboBox::activated), this, chosen);
    connect(reviewStatus_, &ReviewStatusBar::correctRequested, this,
            [this](qint64 id) { correctPrediction(id); });
    connect(reviewStatus_, &ReviewStatusBar::failed, this,
            [this](const QString& message) { showError(tr("Review"), message); });
    connect(this, &MainWindow::scanShown, this, [this] {
        review_->clear();
        reviewStatus_->setTarget(nullptr, 0, 0);
        refreshReviewChoices();
    });
}

void MainWindow::refreshReviewChoices() {
    const QSignalBlocker blockReference(reviewReference_);
    const QSignalBlocker blockCompared(reviewCompared_);
    reviewReference_->clear();
    reviewCompared_->clear();
    if (!project_ || !scanId_) {
        return;
    }
    try {
        for (const LabelVersionRecord& version : project_->labelVersions(*scanId_)) {
            const QString text = LabelVersionSelector::describe(version);
            reviewReference_->addItem(text, QVariant::fromValue<qint64>(version.id));
            reviewCompared_->addItem(text, QVariant::fromValue<qint64>(version.id));
        }
    } catch (const std::exception& error) {
        showError(tr("Review"), QString::fromUtf8(error.what()));
    }
}

bool MainWindow::reviewVersions(qint64 referenceId, qint64 comparedId) {
    if (!project_ || !scanId_) {
        return false;
    }
    try {
        const LabelVersionRecord reference = project_->labelVersion(referenceId);
        const LabelVersionRecord compared = project_->labelVersion(comparedId);
        if (reference.scanId != *scanId_ || compared.scanId != *scanId_) {
            throw std::runtime_error(
                tr("label versions %1 and %2 are not both versions of the scan shown")
                    .arg(referenceId)
                    .arg(comparedId)
                    .toStdString());
        }
        const VoxelIndex keep = cursor_->voxel();
        review_->setCase(image_, project_->loadLabels(referenceId),
                         project_->loadLabels(comparedId), project_->labelSet(),
                         LabelVersionSelector::describe(reference),
                         LabelVersionSelector::describe(compared));
        cursor_->setVoxel(keep);
    } catch (const std::exception& error) {
        showError(tr("Review"), QString::fromUtf8(error.what()));
        return false;
    }
    {
        const QSignalBlocker blockReference(reviewReference_);
        const QSignalBlocker blockCompared(reviewCompared_);
        reviewReference_->setCurrentIndex(
            reviewReference_->findData(QVariant::fromValue<qint64>(referenceId)));
        reviewCompared_->setCurrentIndex(
            reviewCompared_->findData(QVariant::fromValue<qint64>(comparedId)));
    }
    reviewStatus_->setTarget(project_.get(), *scanId_, comparedId);
    if (auto* dock = findChild<QDockWidget*>(QStringLiteral("review"))) {
        dock->show();
        dock->raise();
    }
    return true;
}

bool MainWindow::reviewCase(const QString& run, const QString& caseName, const QString& organ) {
    if (!project_) {
        return false;
    }
    ReviewTarget target;
    try {
        // Axis 2: the slice of the axial views, where the review opens.
        target = findReviewTarget(*project_, run.toStdString(), caseName.toStdString(),
                                  organ.toStdString(), 2);
    } catch (const std::exception& error) {
        showError(tr("Cannot open the case"), QString::fromUtf8(error.what()));
        return false;
    }
    if (!showScan(target.scanId)) {
        return false;
    }
    if (target.referenceId && target.predictionId) {
        if (!reviewVersions(*target.referenceId, *target.predictionId)) {
            return false;
        }
        review_->setOrgan(target.organ);
    } else {
        statusBar()->showMessage(
            tr("%1 has no stored prediction of %2 (or the scan has no labels): showing the scan")
                .arg(run, caseName),
            8000);
    }
    if (target.slice >= 0) {
        cursor_->setAxisIndex(2, target.slice);
    }
    return true;
}

}  // namespace views
}  // namespace logonet
