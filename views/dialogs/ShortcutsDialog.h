#pragma once

#include <QDialog>

namespace logonet {
namespace views {

// Lists the mouse gestures and keys of the slice and 3D views.
class ShortcutsDialog : public QDialog {
    Q_OBJECT
  public:
    explicit ShortcutsDialog(QWidget* parent = nullptr);
};

}  // namespace views
}  // namespace logonet
