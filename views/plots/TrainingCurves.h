#pragma once

#include <QMap>
#include <QWidget>

#include "runs/RunEventLog.h"

class QComboBox;
class QCustomPlot;
class QMouseEvent;

namespace logonet {
namespace views {

// Curves of one or more runs over training steps: total, Dice or CE loss, learning rate, or
// validation Dice per organ. Runs are overlaid in distinct colours; the mouse wheel zooms, a
// drag pans, hovering shows the nearest value; the curves redraw as new events arrive.
class TrainingCurves : public QWidget {
    Q_OBJECT
  public:
    enum class Quantity { Loss, DiceLoss, CeLoss, LearningRate, ValidationDice };

    explicit TrainingCurves(QWidget* parent = nullptr);

    // Adds the run or replaces its events (called again as events arrive).
    void setRun(const QString& name, const RunEventLog& log);
    void removeRun(const QString& name);
    void clearRuns();
    QStringList runs() const { return logs_.keys(); }

    void setQuantity(Quantity quantity);
    Quantity quantity() const;
    // Points drawn for the run in the current quantity (all organs together for validation).
    int pointCount(const QString& name) const;
    QCustomPlot* plot() const { return plot_; }

    // Throws std::runtime_error naming the file when it cannot be written.
    void exportImage(const QString& file) const;  // .png or .pdf
    void exportCsv(const QString& file) const;

  private:
    void rebuild();
    void showValueAt(QMouseEvent* event);

    QComboBox* quantityBox_;
    QCustomPlot* plot_;
    QMap<QString, RunEventLog> logs_;
    QMap<QString, int> points_;
};

}  // namespace views
}  // namespace logonet
