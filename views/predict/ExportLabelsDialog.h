#pragma once

#include <QDialog>
#include <QVector>

#include "predict/LabelExport.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace logonet {
namespace views {

// "Export labels of selected scans": their current label maps into a folder, in the nnU-Net/MSD
// layout (labelsTr/<case>.nii.gz) or as one folder of NIfTI files, with progress and Cancel.
class ExportLabelsDialog : public QDialog {
    Q_OBJECT
  public:
    explicit ExportLabelsDialog(QWidget* parent = nullptr);

    bool setTask(const QString& project, const QVector<qint64>& scanIds);
    bool exportLabels();
    bool isExporting() const { return task_->isRunning(); }
    QString status() const;
    QLineEdit* folderBox() const { return folder_; }
    QComboBox* layoutChoice() const { return layout_; }
    QPushButton* exportButton() const { return exportButton_; }
    QPushButton* cancelButton() const { return cancelButton_; }

  Q_SIGNALS:
    void exportFinished(int written, int problems);

  private:
    void onFinished(const LabelExportResult& result);
    void chooseFolder();
    void updateButtons();

    LabelExportTask* task_;
    QString project_;
    QVector<qint64> scanIds_;
    QLabel* scans_;
    QLineEdit* folder_;
    QComboBox* layout_;
    QProgressBar* progress_;
    QLabel* status_;
    QPushButton* exportButton_;
    QPushButton* cancelButton_;
};

}  // namespace views
}  // namespace logonet
