#include "predict/ExportLabelsDialog.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>

#include "predict/ProgressDialogLayout.h"

namespace logonet {
namespace views {

ExportLabelsDialog::ExportLabelsDialog(QWidget* parent)
    : QDialog(parent),
      task_(new LabelExportTask(this)),
      scans_(new QLabel(this)),
      folder_(new QLineEdit(this)),
      layout_(new QComboBox(this)),
      progress_(new QProgressBar(this)),
      status_(new QLabel(this)),
      exportButton_(new QPushButton(tr("Export"), this)),
      cancelButton_(new QPushButton(tr("Cancel"), this)) {
    setWindowTitle(tr("Export label maps"));
    layout_->addItem(tr("nnU-Net / MSD (labelsTr/<case>.nii.gz)"),
                     static_cast<int>(LabelExportLayout::NnUnet));
    layout_->addItem(tr("One folder of NIfTI files (<case>.nii.gz)"),
                     static_cast<int>(LabelExportLayout::Folder));
    folder_->setPlaceholderText(tr("Folder to write into"));
    auto* browse = new QPushButton(tr("Browse..."), this);
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(folder_, 1);
    folderRow->addWidget(browse);
    auto* form = new QFormLayout;
    form->addRow(tr("Scans"), scans_);
    form->addRow(tr("Folder"), folderRow);
    form->addRow(tr("Layout"), layout_);
    layOutProgressDialog(this, form, progress_, status_, exportButton_, cancelButton_);

    connect(browse, &QPushButton::clicked, this, &ExportLabelsDialog::chooseFolder);
    connect(folder_, &QLineEdit::textChanged, this, &ExportLabelsDialog::updateButtons);
    connect(exportButton_, &QPushButton::clicked, this, &ExportLabelsDialog::exportLabels);
    connect(cancelButton_, &QPushButton::clicked, task_, &LabelExportTask::cancel);
    connect(task_, &LabelExportTask::progressed, this, [this](int done, int total) {
        progress_->setValue(total > 0 ? 100 * done / total : 0);
        status_->setText(tr("Exported %1 of %2").arg(done).arg(total));
    });
    connect(task_, &LabelExportTask::finished, this, &ExportLabelsDialog::onFinished);
    updateButtons();
}

bool ExportLabelsDialog::setTask(const QString& project, const QVector<qint64>& scanIds) {
    if (task_->isRunning()) {
        return false;
    }
    project_ = project;
    scanIds_ = scanIds;
    scans_->setText(tr("%n scan(s)", nullptr, static_cast<int>(scanIds.size())));
    progress_->setValue(0);
    status_->clear();
    updateButtons();
    return true;
}

bool ExportLabelsDialog::exportLabels() {
    const QString folder = folder_->text().trimmed();
    if (folder.isEmpty() || scanIds_.isEmpty()) {
        status_->setText(tr("Choose a folder and at least one scan."));
        return false;
    }
    const auto layout = static_cast<LabelExportLayout>(layout_->currentData().toInt());
    if (!task_->start(project_, scanIds_, folder, layout)) {
        status_->setText(tr("An export is in progress."));
        return false;
    }
    progress_->setValue(0);
    status_->setText(tr("Exporting..."));
    updateButtons();
    return true;
}

QString ExportLabelsDialog::status() const {
    return status_->text();
}

void ExportLabelsDialog::onFinished(const LabelExportResult& result) {
    QString text = result.cancelled
                       ? tr("Cancelled: %1 label map(s) written").arg(result.written)
                       : tr("Wrote %1 label map(s) to %2").arg(result.written).arg(folder_->text());
    if (!result.problems.isEmpty()) {
        text += QLatin1Char('\n') + tr("Not exported:") + QLatin1Char('\n') +
                result.problems.join(QLatin1Char('\n'));
    }
    status_->setText(text);
    if (!result.cancelled) {
        progress_->setValue(100);
    }
    updateButtons();
    Q_EMIT exportFinished(result.written, static_cast<int>(result.problems.size()));
}

void ExportLabelsDialog::chooseFolder() {
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Export label maps into"));
    if (!folder.isEmpty()) {
        folder_->setText(folder);
    }
}

void ExportLabelsDialog::updateButtons() {
    const bool running = task_->isRunning();
    exportButton_->setEnabled(!running && !scanIds_.isEmpty() && !folder_->text().isEmpty());
    cancelButton_->setEnabled(running);
}

}  // namespace views
}  // namespace logonet
