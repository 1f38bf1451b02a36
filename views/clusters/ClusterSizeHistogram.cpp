#include "clusters/ClusterSizeHistogram.h"

#include <qcustomplot.h>

#include <QVBoxLayout>
#include <algorithm>

namespace logonet {
namespace views {

namespace {

constexpr qint64 kMostBins = 30;

}  // namespace

ClusterSizeHistogram::ClusterSizeHistogram(QWidget* parent)
    : QWidget(parent), plot_(new QCustomPlot(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_);
    bars_ = new QCPBars(plot_->xAxis, plot_->yAxis);
    bars_->setPen(QPen(QColor(40, 90, 160)));
    bars_->setBrush(QColor(80, 140, 210));
    plot_->xAxis->setLabel(tr("Slices per cluster"));
    plot_->yAxis->setLabel(tr("Clusters"));
    plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot_->setMinimumHeight(160);
}

void ClusterSizeHistogram::setSizes(const QVector<qint64>& sizes) {
    const qint64 largest = sizes.isEmpty() ? 0 : *std::max_element(sizes.begin(), sizes.end());
    binWidth_ = std::max<qint64>(1, (largest + kMostBins) / kMostBins);
    const qint64 bins = largest / binWidth_ + 1;
    counts_ = QVector<double>(static_cast<int>(bins), 0.0);
    for (const qint64 size : sizes) {
        counts_[static_cast<int>(size / binWidth_)] += 1.0;
    }
    QVector<double> centres;
    for (qint64 b = 0; b < bins; ++b) {
        centres.push_back(static_cast<double>(b * binWidth_) + (binWidth_ - 1) / 2.0);
    }
    bars_->setWidth(static_cast<double>(binWidth_) * 0.9);
    bars_->setData(centres, counts_, true);
    const double top = counts_.isEmpty() ? 1.0 : *std::max_element(counts_.begin(), counts_.end());
    plot_->xAxis->setRange(-0.5 * binWidth_, static_cast<double>(bins * binWidth_));
    plot_->yAxis->setRange(0.0, std::max(1.0, top * 1.1));
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace views
}  // namespace logonet
