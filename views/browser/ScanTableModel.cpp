#include "browser/ScanTableModel.h"

namespace logonet {
namespace views {

ScanTableModel::ScanTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void ScanTableModel::setScans(std::vector<ScanRecord> scans) {
    beginResetModel();
    scans_ = std::move(scans);
    endResetModel();
}

const ScanRecord* ScanTableModel::scanAt(int row) const {
    if (row < 0 || row >= static_cast<int>(scans_.size())) {
        return nullptr;
    }
    return &scans_[static_cast<size_t>(row)];
}

int ScanTableModel::rowOfScan(int64_t scanId) const {
    for (size_t n = 0; n < scans_.size(); ++n) {
        if (scans_[n].id == scanId) {
            return static_cast<int>(n);
        }
    }
    return -1;
}

int ScanTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(scans_.size());
}

int ScanTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

namespace {

QString splitName(const std::string& split) {
    if (split == "train") {
        return ScanTableModel::tr("train");
    }
    if (split == "val") {
        return ScanTableModel::tr("validation");
    }
    if (split == "test") {
        return ScanTableModel::tr("test");
    }
    return QString::fromStdString(split);
}

}  // namespace

QVariant ScanTableModel::data(const QModelIndex& index, int role) const {
    const ScanRecord* scan = scanAt(index.row());
    if (!scan) {
        return {};
    }
    if (role == Qt::UserRole) {
        switch (index.column()) {
            case Name:
                return QString::fromStdString(scan->name);
            case Labeled:
                return scan->labeled;
            case Split:
                return QString::fromStdString(scan->split);
            case Size:
                return static_cast<qlonglong>(scan->size[0] * scan->size[1] * scan->size[2]);
            case Spacing:
                return scan->spacing[0] * scan->spacing[1] * scan->spacing[2];
            case Modality:
                return QString::fromStdString(scan->modality);
            case Fold:
                return scan->fold;
        }
        return {};
    }
    if (role == Qt::TextAlignmentRole && index.column() != Name) {
        return int(Qt::AlignCenter);
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) {
        return {};
    }
    switch (index.column()) {
        case Name:
            return QString::fromStdString(scan->name);
        case Labeled:
            return scan->labeled ? tr("yes") : tr("no");
        case Split:
            return splitName(scan->split);
        case Size:
            return QStringLiteral("%1×%2×%3")
                .arg(scan->size[0])
                .arg(scan->size[1])
                .arg(scan->size[2]);
        case Spacing:
            return QStringLiteral("%1×%2×%3")
                .arg(scan->spacing[0], 0, 'g', 3)
                .arg(scan->spacing[1], 0, 'g', 3)
                .arg(scan->spacing[2], 0, 'g', 3);
        case Modality:
            return QString::fromStdString(scan->modality);
        case Fold:
            return scan->fold < 0 ? QString() : QString::number(scan->fold + 1);
    }
    return {};
}

QVariant ScanTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
        case Name:
            return tr("Name");
        case Labeled:
            return tr("Labeled");
        case Split:
            return tr("Split");
        case Size:
            return tr("Size");
        case Spacing:
            return tr("Spacing (mm)");
        case Modality:
            return tr("Modality");
        case Fold:
            return tr("Fold");
    }
    return {};
}

}  // namespace views
}  // namespace logonet
