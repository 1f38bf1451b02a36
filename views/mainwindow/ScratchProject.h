#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

class QAction;

namespace logonet {
namespace views {

class MainWindow;

// Files opened without a project (`logonet-workstation scan.nii.gz [--labels seg.nii.gz]`, or
// dropped onto the window) go into a new scratch project under the application's data folder,
// where the window shows them with everything a project has (versions, editing, prediction).
// "Keep scratch project as..." copies it to a folder of the user's choice and continues there.
class ScratchProject : public QObject {
    Q_OBJECT
  public:
    explicit ScratchProject(MainWindow* window);

    // Imports `images` (and `labels` as the first image's ground truth) into a new scratch project
    // and shows the first scan; false with the reason in error() (naming the file) otherwise.
    bool open(const QStringList& images, const QString& labels = QString());
    // Copies the open scratch project to `directory` (empty or absent) and opens the copy.
    bool keepAs(const QString& directory);
    bool isScratch(const QString& projectDirectory) const {
        return isScratchDirectory(projectDirectory);
    }
    static bool isScratchDirectory(const QString& projectDirectory);
    const QString& error() const { return error_; }
    QAction* keepAction() const { return keep_; }
    // Where scratch projects are made.
    static QString root();

  private:
    MainWindow* window_;
    QAction* keep_;
    QString error_;
};

}  // namespace views
}  // namespace logonet
