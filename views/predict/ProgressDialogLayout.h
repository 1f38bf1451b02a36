#pragma once

class QDialog;
class QFormLayout;
class QLabel;
class QProgressBar;
class QPushButton;

namespace logonet {
namespace views {

// The layout the prediction and export dialogs share: their form, a progress bar, a status line
// and a row of [action] [Cancel] [Close], Close hiding the (modeless) dialog.
void layOutProgressDialog(QDialog* dialog, QFormLayout* form, QProgressBar* progress,
                          QLabel* status, QPushButton* action, QPushButton* cancel);

}  // namespace views
}  // namespace logonet
