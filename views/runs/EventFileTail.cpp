#include "runs/EventFileTail.h"

#include <sys/stat.h>
#include <QFile>
#include <QFileSystemWatcher>
#include <QTimer>

#include "common/NoFollowFile.h"

namespace logonet {
namespace views {

namespace {
constexpr int kPollMs = 400;
}  // namespace

EventFileTail::EventFileTail(QObject* parent)
    : QObject(parent), watcher_(new QFileSystemWatcher(this)), timer_(new QTimer(this)) {
    timer_->setInterval(kPollMs);
    connect(timer_, &QTimer::timeout, this, &EventFileTail::poll);
    connect(watcher_, &QFileSystemWatcher::fileChanged, this, &EventFileTail::poll);
}

void EventFileTail::follow(const QString& path) {
    if (!watcher_->files().isEmpty()) {
        watcher_->removePaths(watcher_->files());
    }
    path_ = path;
    offset_ = 0;
    inode_ = 0;
    partial_.clear();
    if (path_.isEmpty()) {
        timer_->stop();
        return;
    }
    timer_->start();
    poll();
}

void EventFileTail::poll() {
    if (path_.isEmpty()) {
        return;
    }
    QFile file;
    if (!openForReadingNoFollow(file, path_)) {
        return;  // not written yet, being replaced, or a link (never followed)
    }
    // A watch follows the inode: a file renamed over the old one needs a new watch.
    if (!watcher_->files().contains(path_)) {
        watcher_->addPath(path_);
    }
    // The open file's own identity, so a replacement between two looks cannot be misread.
    struct stat info {};
    if (::fstat(file.handle(), &info) != 0) {
        return;
    }
    const auto inode = static_cast<quint64>(info.st_ino);
    if ((inode_ != 0 && inode != inode_) || info.st_size < offset_) {
        offset_ = 0;
        partial_.clear();
        Q_EMIT restarted();
    }
    inode_ = inode;
    if (info.st_size == offset_ || !file.seek(offset_)) {
        return;
    }
    const QByteArray bytes = file.read(info.st_size - offset_);
    offset_ += bytes.size();
    partial_ += bytes;
    int start = 0;
    int newline = partial_.indexOf('\n');
    while (newline >= 0) {
        Q_EMIT lineRead(partial_.mid(start, newline - start));
        start = newline + 1;
        newline = partial_.indexOf('\n', start);
    }
    partial_.remove(0, start);
}

}  // namespace views
}  // namespace logonet
