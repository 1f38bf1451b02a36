#pragma once

#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QStringList>

namespace logonet {
namespace views {

// One `logonet remote ...` command that answers with a JSON object (check, trust), run as a
// child process off the GUI thread's back: the dialog stays responsive while ssh connects.
class RemoteEngineCall : public QObject {
    Q_OBJECT
  public:
    explicit RemoteEngineCall(QObject* parent = nullptr);

    void start(const QString& engine, const QStringList& arguments);
    bool isRunning() const { return process_.state() != QProcess::NotRunning; }

    // A readable summary of `logonet remote check --json`: version, CUDA, GPUs and memory.
    static QString describeDeviceInfo(const QJsonObject& info);

  Q_SIGNALS:
    // ok: exit code 0 and a JSON object on stdout; otherwise `message` holds the engine's error.
    void finished(bool ok, const QJsonObject& answer, const QString& message);

  private:
    QProcess process_;
};

}  // namespace views
}  // namespace logonet
