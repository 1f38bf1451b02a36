#pragma once

class QWidget;

namespace logonet {
namespace views {

// Adds every shortcut action of the window's panels to the window itself. A QAction's shortcut
// works only while a widget it belongs to is visible, so the tool keys of the Annotation tab or
// L of the Display tab did nothing while another tab of their dock was raised; owned by the
// window too, they work wherever the focus is in it (a text field still takes its own keys).
void makeShortcutsWindowWide(QWidget* window);

}  // namespace views
}  // namespace logonet
