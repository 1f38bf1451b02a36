#include "common/IntensityWindow.h"

#include <algorithm>

namespace logonet {
namespace views {

void IntensityWindow::setValue(const WindowLevel& value) {
    WindowLevel clamped = value;
    clamped.window = std::max(clamped.window, 1e-3);
    if (clamped == value_) {
        return;
    }
    value_ = clamped;
    Q_EMIT changed(value_);
}

}  // namespace views
}  // namespace logonet
