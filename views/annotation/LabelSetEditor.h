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

    // ITK-SNAP label descriptions and 3D Slicer colour tables, as users bring them from those
    // tools. Import replaces the rows with the file's labels (Cancel still keeps the old set);
    // the format is Slicer's for .ctbl, else whichever of the two reads the file. Export writes
    // Slicer's format for .ctbl, else ITK-SNAP's. Both return an empty string on success, else
    // the problem (file and line).
    QString importFile(const QString& path);
    QString exportFile(const QString& path) const;

    void accept() override;

  private:
    void appendRow(const LabelEntry& entry);
    void chooseColour(int row);
    void chooseImportFile();
    void chooseExportFile();

    QTableWidget* table_;
};

}  // namespace views
}  // namespace logonet
