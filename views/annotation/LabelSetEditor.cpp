#include "annotation/LabelSetEditor.h"

#include <QColorDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace logonet {
namespace views {

namespace {
enum Column { ValueColumn, NameColumn, ColourColumn };
}  // namespace

LabelSetEditor::LabelSetEditor(const LabelSet& labels, QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Label set"));
    auto* layout = new QVBoxLayout(this);
    table_ = new QTableWidget(0, 3, this);
    table_->setHorizontalHeaderLabels({tr("Value"), tr("Name"), tr("Colour")});
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    for (const LabelEntry& entry : labels.entries()) {
        appendRow(entry);
    }
    table_->resizeColumnsToContents();
    connect(table_, &QTableWidget::cellDoubleClicked, this, [this](int row, int column) {
        if (column == ColourColumn) {
            chooseColour(row);
        }
    });
    layout->addWidget(table_);

    auto* buttons = new QHBoxLayout;
    auto* add = new QPushButton(tr("Add label"), this);
    auto* recolour = new QPushButton(tr("Recolour..."), this);
    auto* remove = new QPushButton(tr("Delete label"), this);
    connect(add, &QPushButton::clicked, this, [this] {
        const int row = addLabel();
        table_->setCurrentCell(row, NameColumn);
        table_->editItem(table_->item(row, NameColumn));
    });
    connect(recolour, &QPushButton::clicked, this, [this] { chooseColour(table_->currentRow()); });
    connect(remove, &QPushButton::clicked, this, [this] { deleteRow(table_->currentRow()); });
    buttons->addWidget(add);
    buttons->addWidget(recolour);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    auto* importButton = new QPushButton(tr("Import..."), this);
    importButton->setToolTip(
        tr("Read an ITK-SNAP label description file or a Slicer colour table"));
    auto* exportButton = new QPushButton(tr("Export..."), this);
    exportButton->setToolTip(tr("Write these labels for ITK-SNAP or 3D Slicer"));
    connect(importButton, &QPushButton::clicked, this, &LabelSetEditor::chooseImportFile);
    connect(exportButton, &QPushButton::clicked, this, &LabelSetEditor::chooseExportFile);
    buttons->addWidget(importButton);
    buttons->addWidget(exportButton);
    layout->addLayout(buttons);
    auto* hint = new QLabel(tr("Label maps keep their voxel values: relabel or clear the voxels "
                               "of a deleted label before saving a map that uses it."),
                            this);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    auto* box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(box, &QDialogButtonBox::accepted, this, &LabelSetEditor::accept);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(box);
    resize(420, 480);
}

void LabelSetEditor::appendRow(const LabelEntry& entry) {
    const int row = table_->rowCount();
    table_->insertRow(row);
    auto* value = new QTableWidgetItem(QString::number(entry.value));
    value->setData(Qt::UserRole, static_cast<int>(entry.value));
    value->setFlags(value->flags() & ~Qt::ItemIsEditable);
    table_->setItem(row, ValueColumn, value);
    table_->setItem(row, NameColumn, new QTableWidgetItem(QString::fromStdString(entry.name)));
    auto* colour = new QTableWidgetItem;
    colour->setFlags(colour->flags() & ~Qt::ItemIsEditable);
    table_->setItem(row, ColourColumn, colour);
    setColour(row, QColor(entry.colour[0], entry.colour[1], entry.colour[2]));
}

int LabelSetEditor::addLabel() {
    LabelValue next = 1;
    for (int row = 0; row < table_->rowCount(); ++row) {
        next = std::max<LabelValue>(
            next, static_cast<LabelValue>(
                      table_->item(row, ValueColumn)->data(Qt::UserRole).toInt() + 1));
    }
    LabelEntry entry;
    entry.value = next;
    entry.name = tr("label %1").arg(next).toStdString();
    // Golden-angle hues keep consecutive new labels apart.
    const QColor colour = QColor::fromHsv((next * 137) % 360, 200, 230);
    entry.colour = {static_cast<unsigned char>(colour.red()),
                    static_cast<unsigned char>(colour.green()),
                    static_cast<unsigned char>(colour.blue())};
    appendRow(entry);
    return table_->rowCount() - 1;
}

void LabelSetEditor::setColour(int row, const QColor& colour) {
    if (row < 0 || row >= table_->rowCount() || !colour.isValid()) {
        return;
    }
    QTableWidgetItem* item = table_->item(row, ColourColumn);
    item->setBackground(colour);
    item->setData(Qt::UserRole, colour);
    item->setText(colour.name());
}

void LabelSetEditor::chooseColour(int row) {
    if (row < 0 || row >= table_->rowCount()) {
        return;
    }
    const QColor current = table_->item(row, ColourColumn)->data(Qt::UserRole).value<QColor>();
    setColour(row, QColorDialog::getColor(current, this, tr("Label colour")));
}

void LabelSetEditor::deleteRow(int row) {
    if (row >= 0 && row < table_->rowCount()) {
        table_->removeRow(row);
    }
}

LabelSet LabelSetEditor::labelSet() const {
    std::vector<LabelEntry> entries;
    for (int row = 0; row < table_->rowCount(); ++row) {
        LabelEntry entry;
        entry.value =
            static_cast<LabelValue>(table_->item(row, ValueColumn)->data(Qt::UserRole).toInt());
        entry.name = table_->item(row, NameColumn)->text().trimmed().toStdString();
        const QColor colour = table_->item(row, ColourColumn)->data(Qt::UserRole).value<QColor>();
        entry.colour = {static_cast<unsigned char>(colour.red()),
                        static_cast<unsigned char>(colour.green()),
                        static_cast<unsigned char>(colour.blue())};
        entries.push_back(entry);
    }
    return LabelSet(entries);
}

QString LabelSetEditor::problem() const {
    QSet<QString> seen;
    for (int row = 0; row < table_->rowCount(); ++row) {
        const QString name = table_->item(row, NameColumn)->text().trimmed();
        if (name.isEmpty()) {
            return tr("Label %1 has no name.").arg(table_->item(row, ValueColumn)->text());
        }
        if (seen.contains(name.toLower())) {
            return tr("The name \"%1\" is used twice.").arg(name);
        }
        seen.insert(name.toLower());
    }
    return QString();
}

void LabelSetEditor::accept() {
    const QString message = problem();
    if (!message.isEmpty()) {
        QMessageBox::warning(this, tr("Label set"), message);
        return;
    }
    QDialog::accept();
}

}  // namespace views
}  // namespace logonet
