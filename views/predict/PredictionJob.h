#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QVector>

#include "predict/PredictionRequest.h"

class QTimer;

namespace logonet {
namespace views {

// One `logonet infer --project P --scan ... --json` child process (`logonet remote infer` for a
// remote host): the engine predicts the scans one after another and stores each as a label
// version named after the run; this follows its progress lines, which both print alike. The
// workstation never links LibTorch, so prediction is always a child process.
class PredictionJob : public QObject {
    Q_OBJECT
  public:
    explicit PredictionJob(QObject* parent = nullptr);
    ~PredictionJob() override;

    // False (and the reason in errorText()) when the engine cannot be started.
    bool start(const QString& engine, const PredictionRequest& request);
    // Stops the engine (SIGTERM, then SIGKILL if it is inside a long scan): predictions already
    // stored stay, the scan in progress is not stored.
    void cancel();
    bool isRunning() const;
    int done() const { return done_; }
    int total() const { return total_; }
    // Seconds left from the mean time per scan so far; negative before the first scan is done.
    double secondsRemaining() const;
    const QString& errorText() const { return error_; }

  Q_SIGNALS:
    void scanPredicted(qint64 scanId, qint64 labelVersionId);
    void progressed(int done, int total);
    // ok: every scan predicted; otherwise cancelled or failed (errorText() says which).
    void finished(bool ok);

  private:
    void readLines();
    void onFinished(int exitCode, QProcess::ExitStatus status);

    QProcess* process_;
    QTimer* killTimer_;  // stopped when the engine ends, so it never hits the next job
    QElapsedTimer clock_;
    QByteArray pending_;
    int done_ = 0;
    int total_ = 0;
    bool cancelled_ = false;
    QString error_;
};

}  // namespace views
}  // namespace logonet
