#include "browser/ScanBrowser.h"

#include <algorithm>

#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace logonet {
namespace views {

ScanBrowser::ScanBrowser(QWidget* parent)
    : QWidget(parent),
      model_(new ScanTableModel(this)),
      proxy_(new QSortFilterProxyModel(this)),
      table_(new QTableView(this)),
      filter_(new QLineEdit(this)) {
    proxy_->setSourceModel(model_);
    proxy_->setSortRole(Qt::UserRole);
    proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy_->setFilterKeyColumn(-1);
    filter_->setPlaceholderText(tr("Filter scans (name, split, labeled)"));
    filter_->setClearButtonEnabled(true);
    table_->setModel(proxy_);
    table_->setSortingEnabled(true);
    table_->sortByColumn(ScanTableModel::Name, Qt::AscendingOrder);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Several rows for the batch actions (predict, export); the current row is the scan shown.
    table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setAlternatingRowColors(true);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(filter_);
    layout->addWidget(table_);

    connect(filter_, &QLineEdit::textChanged, proxy_, &QSortFilterProxyModel::setFilterFixedString);
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                const ScanRecord* scan = model_->scanAt(proxy_->mapToSource(current).row());
                if (scan) {
                    Q_EMIT scanSelected(scan->id);
                }
            });
}

void ScanBrowser::setScans(std::vector<ScanRecord> scans) {
    model_->setScans(std::move(scans));
    table_->resizeColumnsToContents();
}

bool ScanBrowser::selectScan(int64_t scanId) {
    const int row = model_->rowOfScan(scanId);
    if (row < 0) {
        return false;
    }
    const QModelIndex index = proxy_->mapFromSource(model_->index(row, 0));
    if (!index.isValid()) {
        return false;
    }
    table_->setCurrentIndex(index);
    table_->selectRow(index.row());
    return true;
}

int ScanBrowser::visibleRowCount() const {
    return proxy_->rowCount();
}

QVector<qint64> ScanBrowser::selectedScanIds(std::optional<qint64> shown) const {
    QModelIndexList rows = table_->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    QVector<qint64> ids;
    for (const QModelIndex& row : rows) {
        if (const ScanRecord* scan = model_->scanAt(proxy_->mapToSource(row).row())) {
            ids.append(scan->id);
        }
    }
    if (ids.isEmpty() && shown) {
        ids.append(*shown);
    }
    return ids;
}

void ScanBrowser::setSelectedScanIds(const QVector<qint64>& ids) {
    QItemSelection selection;
    for (const qint64 id : ids) {
        const int row = model_->rowOfScan(id);
        if (row >= 0) {
            const QModelIndex index = proxy_->mapFromSource(model_->index(row, 0));
            selection.select(index, index);
        }
    }
    table_->selectionModel()->select(
        selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

}  // namespace views
}  // namespace logonet
