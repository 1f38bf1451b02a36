#pragma once

#include <QString>

namespace logonet {
namespace views {

class MainWindow;

// Opens the window on a trained run, as README command 1 ends: the run selected in the Runs
// panel (its curves and Dice chart shown, the panel's tab raised) and its first stored
// prediction opened for review against the scan's labels. False when the open project has no
// run of that name.
bool focusRun(MainWindow& window, const QString& runName);

}  // namespace views
}  // namespace logonet
