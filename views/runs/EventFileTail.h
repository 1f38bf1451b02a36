#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

class QFileSystemWatcher;
class QTimer;

namespace logonet {
namespace views {

// Follows a file another process appends to (a run's events.jsonl) like `tail -F`: reports each
// complete line once, keeps a partial last line until its newline arrives, and starts again from
// the top when the file is replaced or cut (a resumed run rewrites its log). A file system
// watcher reports changes at once; a timer catches what it misses (a replaced file, a missing one).
class EventFileTail : public QObject {
    Q_OBJECT
  public:
    explicit EventFileTail(QObject* parent = nullptr);

    // Starts following `path` from its beginning (it need not exist yet); empty stops.
    void follow(const QString& path);
    const QString& path() const { return path_; }
    // Reads what was appended since the last look (also called by the watcher and the timer).
    void poll();

  Q_SIGNALS:
    // The file was replaced or cut: lines reported so far are void, the next ones start over.
    void restarted();
    void lineRead(const QByteArray& line);

  private:
    QString path_;
    QFileSystemWatcher* watcher_;
    QTimer* timer_;
    qint64 offset_ = 0;
    quint64 inode_ = 0;
    QByteArray partial_;
};

}  // namespace views
}  // namespace logonet
