#pragma once

#include <QStringList>
#include <QWidget>

#include "plots/RunScores.h"

class QTableWidget;

namespace logonet {
namespace views {

// The QA table of one run's evaluation: a row per case with its Dice per organ, mean Dice and
// mean HD95, worst case first, so a reviewer starts where the model fails. Clicking a cell
// names the case and the organ of its column (empty for the summary columns).
class CaseReviewTable : public QWidget {
    Q_OBJECT
  public:
    explicit CaseReviewTable(QWidget* parent = nullptr);

    void setScores(const RunScores& scores);
    // Case names in the order shown.
    QStringList caseOrder() const;
    QTableWidget* table() const { return table_; }

    // Mean over the organs present in the case; NaN when none was scored.
    static double meanDice(const QMap<QString, RunScores::CaseScore>& organs);
    static double meanHd95(const QMap<QString, RunScores::CaseScore>& organs);

  Q_SIGNALS:
    void caseChosen(const QString& caseName, const QString& organ);

  private:
    QTableWidget* table_;
    QStringList organs_;
};

}  // namespace views
}  // namespace logonet
