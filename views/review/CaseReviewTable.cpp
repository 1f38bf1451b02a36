#include "review/CaseReviewTable.h"

#include <QHeaderView>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <limits>

namespace logonet {
namespace views {

namespace {

// A cell that sorts by its number, so a user's re-sort by a column orders numerically.
QTableWidgetItem* numberItem(double value, int decimals) {
    auto* item = new QTableWidgetItem(std::isnan(value) ? QStringLiteral("-")
                                                        : QString::number(value, 'f', decimals));
    item->setData(Qt::UserRole, value);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    if (!std::isnan(value) && decimals == 3) {
        // Red for a poor Dice, green for a good one.
        const double clamped = std::clamp(value, 0.0, 1.0);
        item->setBackground(QColor::fromHsvF(clamped / 3.0, 0.35, 1.0));
    }
    return item;
}

}  // namespace

CaseReviewTable::CaseReviewTable(QWidget* parent)
    : QWidget(parent), table_(new QTableWidget(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(table_);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectItems);
    table_->verticalHeader()->setVisible(false);
    connect(table_, &QTableWidget::cellClicked, this, [this](int row, int column) {
        const QString caseName = table_->item(row, 0)->text();
        const int organ = column - 1;
        Q_EMIT caseChosen(caseName,
                          organ >= 0 && organ < organs_.size() ? organs_[organ] : QString());
    });
}

double CaseReviewTable::meanDice(const QMap<QString, RunScores::CaseScore>& organs) {
    double sum = 0.0;
    int count = 0;
    for (const RunScores::CaseScore& score : organs) {
        if (!std::isnan(score.dice)) {
            sum += score.dice;
            ++count;
        }
    }
    return count > 0 ? sum / count : std::numeric_limits<double>::quiet_NaN();
}

double CaseReviewTable::meanHd95(const QMap<QString, RunScores::CaseScore>& organs) {
    double sum = 0.0;
    int count = 0;
    for (const RunScores::CaseScore& score : organs) {
        if (std::isfinite(score.hd95)) {
            sum += score.hd95;
            ++count;
        }
    }
    return count > 0 ? sum / count : std::numeric_limits<double>::quiet_NaN();
}

void CaseReviewTable::setScores(const RunScores& scores) {
    organs_.clear();
    for (const RunScores::Organ& organ : scores.organs) {
        organs_ << organ.name;
    }
    struct Row {
        QString name;
        double mean;
    };
    QVector<Row> rows;
    for (auto it = scores.cases.cbegin(); it != scores.cases.cend(); ++it) {
        rows.append({it.key(), meanDice(it.value())});
    }
    // Worst first; a case with no scored organ is the least informative, so it goes last.
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
        if (std::isnan(a.mean) != std::isnan(b.mean)) {
            return std::isnan(b.mean);
        }
        return a.mean < b.mean;
    });
    table_->setSortingEnabled(false);
    table_->clear();
    table_->setRowCount(rows.size());
    table_->setColumnCount(organs_.size() + 3);
    QStringList headers{tr("Case")};
    headers << organs_ << tr("Mean Dice") << tr("Mean HD95 (mm)");
    table_->setHorizontalHeaderLabels(headers);
    for (int r = 0; r < rows.size(); ++r) {
        const auto& organs = scores.cases[rows[r].name];
        table_->setItem(r, 0, new QTableWidgetItem(rows[r].name));
        for (int o = 0; o < organs_.size(); ++o) {
            const auto found = organs.constFind(organs_[o]);
            table_->setItem(
                r, o + 1,
                numberItem(
                    found == organs.cend() ? std::numeric_limits<double>::quiet_NaN() : found->dice,
                    3));
        }
        table_->setItem(r, organs_.size() + 1, numberItem(rows[r].mean, 3));
        table_->setItem(r, organs_.size() + 2, numberItem(meanHd95(organs), 1));
    }
    table_->resizeColumnsToContents();
}

QStringList CaseReviewTable::caseOrder() const {
    QStringList order;
    for (int r = 0; r < table_->rowCount(); ++r) {
        order << table_->item(r, 0)->text();
    }
    return order;
}

}  // namespace views
}  // namespace logonet
