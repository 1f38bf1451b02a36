#pragma once

#include <QObject>
#include <QStringList>

namespace logonet {
namespace views {

class MainWindow;
class ScratchProject;

// Files dropped onto the main window: a project folder opens as the project, image files (or a
// DICOM folder) open in a new scratch project. Installed as an event filter, so the window
// class keeps no drag-and-drop code.
class FileDrop : public QObject {
    Q_OBJECT
  public:
    FileDrop(MainWindow* window, ScratchProject* scratch);

    // What a drop of these local paths does; false (reason in the status bar) when it fails.
    bool open(const QStringList& paths);

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    MainWindow* window_;
    ScratchProject* scratch_;
};

}  // namespace views
}  // namespace logonet
