#pragma once

#include <QJsonObject>
#include <QObject>
#include <QStringList>

#include "runs/RunEventLog.h"

class QTimer;

namespace logonet {
namespace views {

class EventFileTail;

// One engine run as the panel sees it: started detached (RunLauncher) so that it outlives the
// window, followed through its events file and its process folder, and found again by a later
// window (attach). Cancel sends SIGTERM, on which the engine writes a checkpoint and stops with
// exit code 3, so the run can be resumed.
class DetachedRun : public QObject {
    Q_OBJECT
  public:
    explicit DetachedRun(QObject* parent = nullptr);
    // Leaves the engine running: a run outlives the window on purpose.
    ~DetachedRun() override;

    // Launches and follows; false (after failedToStart) when it cannot start.
    bool start(const QString& folder, const QString& program, const QStringList& arguments,
               const QString& eventsFile);
    // Follows a run launched earlier, by this window or another; false when it no longer runs.
    bool attach(const QString& folder);
    void cancel();
    // Stops following without touching the engine (another project was opened).
    void detach();
    bool isRunning() const { return running_; }
    // The process folder of the run followed (or last followed).
    const QString& folder() const { return folder_; }
    const RunEventLog& log() const { return log_; }
    // Why the run failed: the engine's last lines on stderr, or how it died.
    QString errorText() const { return error_; }

  Q_SIGNALS:
    void eventReceived(const QJsonObject& event);
    // exitCode 0: done, 3: stopped after a checkpoint; -1: died without an exit status; anything
    // else failed (see errorText).
    void finished(int exitCode, bool cancelled);
    void failedToStart(const QString& message);

  private:
    void follow(const QString& folder, const QString& eventsFile);
    void check();
    void readLine(const QByteArray& line);

    EventFileTail* tail_;
    QTimer* timer_;
    RunEventLog log_;
    QString folder_;
    QString error_;
    bool running_ = false;
    bool cancelled_ = false;
};

}  // namespace views
}  // namespace logonet
