#include "mainwindow/FileDrop.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QMimeData>
#include <QStatusBar>
#include <QUrl>

#include "mainwindow/MainWindow.h"
#include "mainwindow/ScratchProject.h"
#include "project/Project.h"

namespace logonet {
namespace views {

namespace {

QStringList localPaths(const QMimeData* mime) {
    QStringList paths;
    if (mime == nullptr) {
        return paths;
    }
    for (const QUrl& url : mime->urls()) {
        if (url.isLocalFile()) {
            paths << url.toLocalFile();
        }
    }
    return paths;
}

}  // namespace

FileDrop::FileDrop(MainWindow* window, ScratchProject* scratch)
    : QObject(window), window_(window), scratch_(scratch) {
    window->setAcceptDrops(true);
    window->installEventFilter(this);
}

bool FileDrop::open(const QStringList& paths) {
    if (paths.size() == 1 && Project::exists(paths.front().toStdString())) {
        return window_->openProject(paths.front());
    }
    if (!scratch_->open(paths)) {
        window_->statusBar()->showMessage(
            tr("Cannot open %1: %2").arg(QFileInfo(paths.value(0)).fileName(), scratch_->error()),
            15000);
        return false;
    }
    return true;
}

bool FileDrop::eventFilter(QObject* watched, QEvent* event) {
    if (watched == window_ && event->type() == QEvent::DragEnter) {
        auto* enter = static_cast<QDragEnterEvent*>(event);
        if (!localPaths(enter->mimeData()).isEmpty()) {
            enter->acceptProposedAction();
            return true;
        }
    } else if (watched == window_ && event->type() == QEvent::Drop) {
        auto* drop = static_cast<QDropEvent*>(event);
        const QStringList paths = localPaths(drop->mimeData());
        if (!paths.isEmpty()) {
            drop->acceptProposedAction();
            open(paths);
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

}  // namespace views
}  // namespace logonet
