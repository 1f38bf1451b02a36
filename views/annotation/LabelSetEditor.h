#pragma once

#include <QColor>
#include <QDialog>

#include "labels/LabelSet.h"

class QTableWidget;

namespace logonet {
namespace views {

// The project's label set as an editable table: add a label (the next free value), rename it in
// place, recolour it (double-click the colour or "Recolour...") and delete it. Names must be
// unique and non-empty; OK refuses anything else with a message.
class LabelSetEditor : public QDialog {
    Q_OBJECT
  public:
    explicit LabelSetEditor(const LabelSet& labels, QWidget* parent = nullptr);

    LabelSet labelSet() const;
    // Empty when the names are valid, else what is wrong with them.
    QString problem() const;

    // The editing steps behind the buttons, for tests.
    int addLabel();
    void setColour(int row, const QColor& colour);
    void deleteRow(int row);
    QTableWidget* table() const { return table_; }

    void accept() override;

  private:
    void appendRow(const LabelEntry& entry);
    void chooseColour(int row);

    QTableWidget* table_;
};

}  // namespace views
}  // namespace logonet
