#pragma once

#include <QVector>
#include <QWidget>

#include <optional>

#include "browser/ScanTableModel.h"

class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace logonet {
namespace views {

// The scan table with a filter box (matches name, split and labeled) and sortable columns.
class ScanBrowser : public QWidget {
    Q_OBJECT
  public:
    explicit ScanBrowser(QWidget* parent = nullptr);

    void setScans(std::vector<ScanRecord> scans);
    ScanTableModel* model() { return model_; }
    QTableView* table() { return table_; }
    QLineEdit* filterBox() { return filter_; }
    // Selects the scan's row (if shown) and emits scanSelected.
    bool selectScan(int64_t scanId);
    int visibleRowCount() const;
    // The scans of the selected rows in table order; the shown scan when none is selected.
    QVector<qint64> selectedScanIds(std::optional<qint64> shown) const;
    // Selects these scans' rows (after setScans, which clears the selection) without changing
    // the scan shown.
    void setSelectedScanIds(const QVector<qint64>& ids);

  Q_SIGNALS:
    void scanSelected(qint64 scanId);

  private:
    ScanTableModel* model_;
    QSortFilterProxyModel* proxy_;
    QTableView* table_;
    QLineEdit* filter_;
};

}  // namespace views
}  // namespace logonet
