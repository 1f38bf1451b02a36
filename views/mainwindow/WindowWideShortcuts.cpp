#include "mainwindow/WindowWideShortcuts.h"

#include <QAction>
#include <QWidget>

namespace logonet {
namespace views {

void makeShortcutsWindowWide(QWidget* window) {
    const QList<QAction*> owned = window->actions();
    for (QWidget* widget : window->findChildren<QWidget*>()) {
        for (QAction* action : widget->actions()) {
            if (!action->shortcut().isEmpty() && !owned.contains(action) &&
                action->shortcutContext() != Qt::WidgetShortcut &&
                action->shortcutContext() != Qt::WidgetWithChildrenShortcut) {
                window->addAction(action);
            }
        }
    }
}

}  // namespace views
}  // namespace logonet
