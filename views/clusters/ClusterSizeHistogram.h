#pragma once

#include <QVector>
#include <QWidget>

class QCustomPlot;
class QCPBars;

namespace logonet {
namespace views {

// How many clusters of a clusterer hold how many slices: empty clusters in the first bin, so a
// clusterer whose K is far too large for the data shows it at once.
class ClusterSizeHistogram : public QWidget {
    Q_OBJECT
  public:
    explicit ClusterSizeHistogram(QWidget* parent = nullptr);

    // Slices of every cluster (0 for an empty one).
    void setSizes(const QVector<qint64>& sizes);
    // Bins as shown: [lower, lower + width) slices, and the number of clusters in each.
    qint64 binWidth() const { return binWidth_; }
    const QVector<double>& binCounts() const { return counts_; }
    QCustomPlot* plot() const { return plot_; }

  private:
    QCustomPlot* plot_;
    QCPBars* bars_;
    qint64 binWidth_ = 1;
    QVector<double> counts_;
};

}  // namespace views
}  // namespace logonet
