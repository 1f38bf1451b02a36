#pragma once

#include <QWidget>

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
