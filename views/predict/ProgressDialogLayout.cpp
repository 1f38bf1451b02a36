#include "predict/ProgressDialogLayout.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace logonet {
namespace views {

void layOutProgressDialog(QDialog* dialog, QFormLayout* form, QProgressBar* progress,
                          QLabel* status, QPushButton* action, QPushButton* cancel) {
    dialog->setModal(false);
    progress->setRange(0, 100);
    progress->setValue(0);
    status->setWordWrap(true);
    status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* buttons = new QDialogButtonBox(dialog);
    buttons->addButton(action, QDialogButtonBox::ActionRole);
    buttons->addButton(cancel, QDialogButtonBox::ActionRole);
    buttons->addButton(QDialogButtonBox::Close);
    auto* layout = new QVBoxLayout(dialog);
    layout->addLayout(form);
    layout->addWidget(progress);
    layout->addWidget(status);
    layout->addWidget(buttons);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::hide);
}

}  // namespace views
}  // namespace logonet
