#pragma once

#include <QProcess>
#include <QStringList>

#include <string>

// Runs the `logonet` engine built beside the tests and keeps what it printed.
struct EngineResult {
    int exitCode = -1;
    QString out;
    QString err;
};

inline QString enginePath() {
    return QString(LOGONET_BINARY_DIR) + "/app/logonet";
}

inline EngineResult runEngine(const QStringList& arguments, int timeoutMs = 300000) {
    QProcess process;
    process.start(enginePath(), arguments);
    EngineResult result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.err = "timed out";
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}
