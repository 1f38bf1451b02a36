#pragma once

#include <QDialog>
#include <string>
#include <vector>

#include "import/ScanImporter.h"

class QCheckBox;
class QComboBox;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace logonet {
namespace views {

// Asks what to import: image files, a folder of images (with a matching folder of label maps),
// an MSD dataset.json or a DICOM folder; unlabeled or not; which split.
class ImportDialog : public QDialog {
    Q_OBJECT
  public:
    explicit ImportDialog(QWidget* parent = nullptr);

    std::vector<std::string> paths() const;
    ImportOptions options() const;

  private:
    void addFiles();
    void addFolder(const QString& title);
    void addDatasetJson();
    void chooseLabelFolder();
    void updateState();

    QListWidget* sources_;
    QLineEdit* labelFolder_;
    QCheckBox* unlabeled_;
    QComboBox* split_;
    QPushButton* okButton_;
};

}  // namespace views
}  // namespace logonet
