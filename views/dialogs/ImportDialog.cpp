#include "dialogs/ImportDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace logonet {
namespace views {

ImportDialog::ImportDialog(QWidget* parent)
    : QDialog(parent),
      sources_(new QListWidget(this)),
      labelFolder_(new QLineEdit(this)),
      unlabeled_(new QCheckBox(tr("Unlabeled collection (ignore any label maps)"), this)),
      split_(new QComboBox(this)) {
    setWindowTitle(tr("Import scans"));
    auto* intro = new QLabel(
        tr("Add image files (NIfTI, NRRD, MetaImage), folders of images, a Medical Segmentation "
           "Decathlon dataset.json or DICOM folders (each series becomes a scan)."),
        this);
    intro->setWordWrap(true);

    auto* addFiles = new QPushButton(tr("Add files..."), this);
    auto* addFolder = new QPushButton(tr("Add image folder..."), this);
    auto* addMsd = new QPushButton(tr("Add dataset.json..."), this);
    auto* addDicom = new QPushButton(tr("Add DICOM folder..."), this);
    auto* remove = new QPushButton(tr("Remove"), this);
    auto* buttons = new QVBoxLayout;
    for (QPushButton* b : {addFiles, addFolder, addMsd, addDicom, remove}) {
        buttons->addWidget(b);
    }
    buttons->addStretch();
    auto* sourceRow = new QHBoxLayout;
    sourceRow->addWidget(sources_, 1);
    sourceRow->addLayout(buttons);

    auto* browseLabels = new QPushButton(tr("Browse..."), this);
    auto* labelRow = new QHBoxLayout;
    labelFolder_->setPlaceholderText(tr("optional: folder of label maps matched by file name"));
    labelRow->addWidget(labelFolder_, 1);
    labelRow->addWidget(browseLabels);

    split_->addItem(tr("train"), QStringLiteral("train"));
    split_->addItem(tr("validation"), QStringLiteral("val"));
    split_->addItem(tr("test"), QStringLiteral("test"));

    auto* form = new QFormLayout;
    form->addRow(tr("Label folder"), labelRow);
    form->addRow(QString(), unlabeled_);
    form->addRow(tr("Split"), split_);

    auto* box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    okButton_ = box->button(QDialogButtonBox::Ok);
    okButton_->setText(tr("Import"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(sourceRow);
    layout->addLayout(form);
    layout->addWidget(box);
    resize(640, 420);

    connect(addFiles, &QPushButton::clicked, this, &ImportDialog::addFiles);
    connect(addFolder, &QPushButton::clicked, this,
            [this] { this->addFolder(tr("Folder of images")); });
    connect(addMsd, &QPushButton::clicked, this, &ImportDialog::addDatasetJson);
    connect(addDicom, &QPushButton::clicked, this, [this] { this->addFolder(tr("DICOM folder")); });
    connect(remove, &QPushButton::clicked, this, [this] {
        delete sources_->currentItem();
        updateState();
    });
    connect(browseLabels, &QPushButton::clicked, this, &ImportDialog::chooseLabelFolder);
    connect(unlabeled_, &QCheckBox::toggled, this, &ImportDialog::updateState);
    connect(box, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateState();
}

std::vector<std::string> ImportDialog::paths() const {
    std::vector<std::string> result;
    for (int n = 0; n < sources_->count(); ++n) {
        result.push_back(sources_->item(n)->text().toStdString());
    }
    return result;
}

ImportOptions ImportDialog::options() const {
    ImportOptions options;
    options.unlabeled = unlabeled_->isChecked();
    if (!options.unlabeled) {
        options.labelsDir = labelFolder_->text().trimmed().toStdString();
    }
    options.split = split_->currentData().toString().toStdString();
    return options;
}

void ImportDialog::addFiles() {
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Image files"), QString(),
        tr("Images (*.nii *.nii.gz *.nrrd *.nhdr *.mha *.mhd);;All files (*)"));
    sources_->addItems(files);
    updateState();
}

void ImportDialog::addFolder(const QString& title) {
    const QString folder = QFileDialog::getExistingDirectory(this, title);
    if (!folder.isEmpty()) {
        sources_->addItem(folder);
    }
    updateState();
}

void ImportDialog::addDatasetJson() {
    const QString file = QFileDialog::getOpenFileName(this, tr("MSD dataset.json"), QString(),
                                                      tr("dataset.json (dataset.json)"));
    if (!file.isEmpty()) {
        sources_->addItem(file);
    }
    updateState();
}

void ImportDialog::chooseLabelFolder() {
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Folder of label maps"));
    if (!folder.isEmpty()) {
        labelFolder_->setText(folder);
    }
}

void ImportDialog::updateState() {
    labelFolder_->setEnabled(!unlabeled_->isChecked());
    okButton_->setEnabled(sources_->count() > 0);
}

}  // namespace views
}  // namespace logonet
