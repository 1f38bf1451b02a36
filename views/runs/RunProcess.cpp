#include "runs/RunProcess.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace logonet {
namespace views {

RunProcess::RunProcess(QObject* parent) : QObject(parent) {
    connect(&process_, &QProcess::readyReadStandardOutput, this, &RunProcess::readOutput);
    connect(&process_, &QProcess::readyReadStandardError, this, [this] {
        errors_ += process_.readAllStandardError();
        // Only the tail matters for a message; a progress bar on stderr must not grow forever.
        if (errors_.size() > 16384) {
            errors_ = errors_.right(8192);
        }
    });
    connect(&process_, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            Q_EMIT failedToStart(tr("Cannot start the engine '%1': %2")
                                     .arg(process_.program(), process_.errorString()));
        }
    });
    connect(&process_, qOverload<int, QProcess::ExitStatus>(&QProcess::finished), this,
            [this](int exitCode, QProcess::ExitStatus status) {
                readOutput();
                if (!pending_.isEmpty()) {
                    pending_.append('\n');
                    readOutput();
                }
                Q_EMIT finished(status == QProcess::CrashExit ? -1 : exitCode, cancelled_);
            });
}

RunProcess::~RunProcess() {
    // A run outlives the window only when it is left running on purpose; a destroyed panel
    // lets the engine stop cleanly rather than leaving an orphan holding the GPU.
    if (process_.state() != QProcess::NotRunning) {
        process_.terminate();
        if (!process_.waitForFinished(10000)) {
            process_.kill();
            process_.waitForFinished(2000);
        }
    }
}

void RunProcess::start(const QString& program, const QStringList& arguments) {
    log_ = RunEventLog();
    pending_.clear();
    errors_.clear();
    cancelled_ = false;
    process_.start(program, arguments);
}

void RunProcess::cancel() {
    if (process_.state() != QProcess::NotRunning) {
        cancelled_ = true;
        process_.terminate();
    }
}

bool RunProcess::isRunning() const {
    return process_.state() != QProcess::NotRunning;
}

QString RunProcess::errorText() const {
    QStringList lines = QString::fromUtf8(errors_).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    while (lines.size() > 5) {
        lines.removeFirst();
    }
    return lines.join(QLatin1Char('\n'));
}

void RunProcess::readOutput() {
    pending_ += process_.readAllStandardOutput();
    int newline = pending_.indexOf('\n');
    while (newline >= 0) {
        const QByteArray line = pending_.left(newline);
        pending_.remove(0, newline + 1);
        const QJsonDocument document = QJsonDocument::fromJson(line.trimmed());
        if (document.isObject()) {
            log_.addEvent(document.object());
            Q_EMIT eventReceived(document.object());
        }
        newline = pending_.indexOf('\n');
    }
}

}  // namespace views
}  // namespace logonet
