#pragma once

#include <QAbstractTableModel>
#include <vector>

#include "project/ScanRecord.h"

namespace logonet {
namespace views {

// The project's scans as a table: name, labeled, split, size, spacing. Sorting uses the raw
// values (Qt::UserRole), so "10" sorts after "9" and sizes by voxel count.
class ScanTableModel : public QAbstractTableModel {
    Q_OBJECT
  public:
    enum Column { Name, Labeled, Split, Size, Spacing, Modality, Fold, ColumnCount };

    explicit ScanTableModel(QObject* parent = nullptr);

    void setScans(std::vector<ScanRecord> scans);
    const std::vector<ScanRecord>& scans() const { return scans_; }
    const ScanRecord* scanAt(int row) const;
    int rowOfScan(int64_t scanId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

  private:
    std::vector<ScanRecord> scans_;
};

}  // namespace views
}  // namespace logonet
