// The label set editor's Import and Export: ITK-SNAP label descriptions and Slicer colour tables.
#include <QFileDialog>
#include <QMessageBox>
#include <QTableWidget>
#include <exception>

#include "annotation/LabelSetEditor.h"
#include "labels/ItkSnapLabels.h"
#include "labels/SlicerColourTable.h"

namespace logonet {
namespace views {

namespace {

const char* const kItkSnapFilter =
    QT_TRANSLATE_NOOP("LabelSetEditor", "ITK-SNAP label descriptions (*.txt *.label)");
const char* const kSlicerFilter =
    QT_TRANSLATE_NOOP("LabelSetEditor", "3D Slicer colour table (*.ctbl *.txt)");

bool isSlicerFile(const QString& path) {
    return path.endsWith(QLatin1String(".ctbl"), Qt::CaseInsensitive);
}

}  // namespace

QString LabelSetEditor::importFile(const QString& path) {
    LabelSet labels;
    try {
        if (isSlicerFile(path)) {
            labels = readSlicerColourTable(path.toStdString());
        } else {
            try {
                labels = readItkSnapLabels(path.toStdString());
            } catch (const std::exception& itkSnap) {
                try {
                    labels = readSlicerColourTable(path.toStdString());
                } catch (const std::exception& slicer) {
                    return tr("%1 is neither an ITK-SNAP label file (%2) nor a Slicer colour "
                              "table (%3)")
                        .arg(path, QString::fromUtf8(itkSnap.what()),
                             QString::fromUtf8(slicer.what()));
                }
            }
        }
    } catch (const std::exception& error) {
        return QString::fromUtf8(error.what());
    }
    table_->setRowCount(0);
    for (const LabelEntry& entry : labels.entries()) {
        appendRow(entry);
    }
    table_->resizeColumnsToContents();
    return QString();
}

QString LabelSetEditor::exportFile(const QString& path) const {
    const QString invalid = problem();
    if (!invalid.isEmpty()) {
        return invalid;
    }
    try {
        if (isSlicerFile(path)) {
            writeSlicerColourTable(labelSet(), path.toStdString());
        } else {
            writeItkSnapLabels(labelSet(), path.toStdString());
        }
    } catch (const std::exception& error) {
        return QString::fromUtf8(error.what());
    }
    return QString();
}

void LabelSetEditor::chooseImportFile() {
    const QString filters = tr(kItkSnapFilter) + QStringLiteral(";;") + tr(kSlicerFilter) +
                            QStringLiteral(";;") + tr("All files (*)");
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Import label descriptions"), QString(), filters);
    if (path.isEmpty()) {
        return;
    }
    const QString problem = importFile(path);
    if (!problem.isEmpty()) {
        QMessageBox::warning(this, tr("Import label descriptions"), problem);
    }
}

void LabelSetEditor::chooseExportFile() {
    QString filter;
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export label descriptions"), QString(),
        tr(kItkSnapFilter) + QStringLiteral(";;") + tr(kSlicerFilter), &filter);
    if (path.isEmpty()) {
        return;
    }
    // Slicer's filter chosen for a name without .ctbl: its format, under Slicer's extension.
    if (filter == tr(kSlicerFilter) && !isSlicerFile(path)) {
        path += QStringLiteral(".ctbl");
    }
    const QString problem = exportFile(path);
    if (!problem.isEmpty()) {
        QMessageBox::warning(this, tr("Export label descriptions"), problem);
    }
}

}  // namespace views
}  // namespace logonet
