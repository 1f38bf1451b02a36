#pragma once

#include <QObject>
#include <QProcess>
#include <QStringList>

#include "runs/RunEventLog.h"

namespace logonet {
namespace views {

// One engine run as a child process: its stdout JSON lines become events, its stderr is kept for
// the error message. Cancel sends SIGTERM, on which the engine writes a checkpoint and stops
// (exit code 3), so the run can be resumed.
class RunProcess : public QObject {
    Q_OBJECT
  public:
    explicit RunProcess(QObject* parent = nullptr);
    ~RunProcess() override;

    void start(const QString& program, const QStringList& arguments);
    void cancel();
    bool isRunning() const;
    const RunEventLog& log() const { return log_; }
    // The last lines the engine wrote to stderr (its error message when it fails).
    QString errorText() const;

  Q_SIGNALS:
    void eventReceived(const QJsonObject& event);
    // exitCode 0: done, 3: stopped after a checkpoint; anything else failed (see errorText).
    void finished(int exitCode, bool cancelled);
    void failedToStart(const QString& message);

  private:
    void readOutput();

    QProcess process_;
    RunEventLog log_;
    QByteArray pending_;
    QByteArray errors_;
    bool cancelled_ = false;
};

}  // namespace views
}  // namespace logonet
