#pragma once

#include <QVector>
#include <QWidget>

#include "plots/RunScores.h"

class QComboBox;
class QCustomPlot;
class QCPBars;

namespace logonet {
namespace views {

// Per-organ Dice of one or more runs: grouped bars (mean with the standard deviation across
// cases as error bars) or box plots of the per-case Dice, organs along the axis. Exports PNG, PDF
// and the numbers as CSV.
class DiceChart : public QWidget {
    Q_OBJECT
  public:
    enum class Style { Bars, BoxPlot };

    explicit DiceChart(QWidget* parent = nullptr);

    void setRuns(const QVector<RunScores>& runs);
    const QVector<RunScores>& runs() const { return runs_; }
    void setStyle(Style style);
    Style style() const;
    // The organs along the axis: those of any run, in the first run's order.
    const QStringList& organs() const { return organs_; }
    // The bars of run `index` (null in box-plot style), for tests and the hover text.
    QCPBars* bars(int index) const;
    QCustomPlot* plot() const { return plot_; }

    // Throws std::runtime_error naming the file when it cannot be written.
    void exportImage(const QString& file) const;
    // run,organ,cases,dice_mean,dice_std,hd95_mean,hd95_std
    void exportCsv(const QString& file) const;

  private:
    void rebuild();

    QComboBox* styleBox_;
    QCustomPlot* plot_;
    QVector<RunScores> runs_;
    QStringList organs_;
    QVector<QCPBars*> bars_;
};

}  // namespace views
}  // namespace logonet
