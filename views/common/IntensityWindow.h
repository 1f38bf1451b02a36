#pragma once

#include <QObject>

#include "common/WindowLevel.h"

namespace logonet {
namespace views {

// The window/level that all slice views of a window share, so that a Shift+drag in one view
// changes all three.
class IntensityWindow : public QObject {
    Q_OBJECT
  public:
    explicit IntensityWindow(QObject* parent = nullptr) : QObject(parent) {}

    const WindowLevel& value() const { return value_; }
    void setValue(const WindowLevel& value);

  Q_SIGNALS:
    void changed(const logonet::views::WindowLevel& value);

  private:
    WindowLevel value_;
};

}  // namespace views
}  // namespace logonet
