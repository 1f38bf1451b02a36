#include "common/WindowLevelEntry.h"

#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>

#include "common/IntensityWindow.h"

namespace logonet {
namespace views {

namespace {

QDoubleSpinBox* numberBox(QWidget* parent, double minimum, const QString& name) {
    auto* box = new QDoubleSpinBox(parent);
    box->setObjectName(name);
    box->setRange(minimum, 1e6);
    box->setDecimals(1);
    box->setKeyboardTracking(false);  // applied on Enter or focus change, not per keystroke
    return box;
}

}  // namespace

WindowLevelEntry::WindowLevelEntry(IntensityWindow* window, QWidget* parent)
    : QWidget(parent),
      intensity_(window),
      windowBox_(numberBox(this, 0.1, QStringLiteral("windowWidth"))),
      levelBox_(numberBox(this, -1e6, QStringLiteral("windowLevel"))) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("W"), this));
    layout->addWidget(windowBox_, 1);
    layout->addWidget(new QLabel(tr("L"), this));
    layout->addWidget(levelBox_, 1);
    setToolTip(tr("Window width and level; Shift+drag in a slice view changes them too"));
    showValue(window->value().window, window->value().level);
    connect(window, &IntensityWindow::changed, this,
            [this](const WindowLevel& value) { showValue(value.window, value.level); });
    const auto apply = [this] {
        intensity_->setValue(WindowLevel{windowBox_->value(), levelBox_->value()});
    };
    connect(windowBox_, &QDoubleSpinBox::valueChanged, this, apply);
    connect(levelBox_, &QDoubleSpinBox::valueChanged, this, apply);
}

void WindowLevelEntry::showValue(double window, double level) {
    const QSignalBlocker blockWindow(windowBox_);
    const QSignalBlocker blockLevel(levelBox_);
    windowBox_->setValue(window);
    levelBox_->setValue(level);
}

}  // namespace views
}  // namespace logonet
