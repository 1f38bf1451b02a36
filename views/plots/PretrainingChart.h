#pragma once

#include <QDateTime>
#include <QMap>
#include <QWidget>

#include "plots/PretrainingResults.h"

class QCPErrorBars;
class QCPGraph;
class QCustomPlot;
class QFileSystemWatcher;
class QLabel;
class QTableWidget;

namespace logonet {
namespace views {

// Does pre-training help? The project's `logonet experiment pretraining` results
// (experiments/pretraining.json): mean Dice on the held-out cases against the number of labeled
// cases, one line per arm (scratch, pre-trained, controls) with the standard deviation over the
// paired seeds as error bars, and below it a table of the numbers with the paired difference.
// Reread when the file changes and whenever the chart is shown; a missing or malformed file is
// a message, not an empty chart.
class PretrainingChart : public QWidget {
    Q_OBJECT
  public:
    explicit PretrainingChart(QWidget* parent = nullptr);

    void setProject(const QString& directory);
    void reload();

    // What is shown instead of the chart (no project, no experiment, a bad file); empty when the
    // chart shows results.
    QString message() const;
    const PretrainingResults& results() const { return results_; }
    // The arms drawn, in the legend's order, and each one's line and error bars (null when none).
    QStringList arms() const { return drawn_; }
    QCPGraph* graph(const QString& arm) const { return graphs_.value(arm); }
    QCPErrorBars* errorBars(const QString& arm) const { return errors_.value(arm); }
    QCustomPlot* plot() const { return plot_; }
    QTableWidget* table() const { return table_; }

    // PNG or PDF by the suffix; std::runtime_error naming the file when it cannot be written or
    // when there are no results to export.
    void exportImage(const QString& file) const;
    // labeled_cases,arm,mean,sd (the paired difference as arm "paired_difference")
    void exportCsv(const QString& file) const;

  protected:
    void showEvent(QShowEvent* event) override;

  private:
    void showMessage(const QString& text);
    void rebuild();
    void fillTable();
    void watch();
    void reloadIfChanged();
    void requireResults(const QString& file) const;

    QString project_;
    QLabel* message_;
    QLabel* summary_;
    QCustomPlot* plot_;
    QTableWidget* table_;
    QFileSystemWatcher* watcher_;
    PretrainingResults results_;
    QStringList drawn_;
    QMap<QString, QCPGraph*> graphs_;
    QMap<QString, QCPErrorBars*> errors_;
    // What the file was when last read: a change of folder contents rereads it only when this
    // differs.
    QDateTime readModified_;
    qint64 readSize_ = -1;
};

}  // namespace views
}  // namespace logonet
