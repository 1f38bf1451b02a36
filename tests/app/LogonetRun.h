#pragma once
// Runs the `logonet` binary as a user would, for the app tests.
#include <QProcess>
#include <QString>
#include <QStringList>

struct LogonetResult {
    int exitCode = -1;
    QString out;
    QString err;
};

inline LogonetResult runLogonet(const QStringList& arguments) {
    QProcess process;
    process.start(LOGONET_EXECUTABLE, arguments);
    process.waitForFinished(60000);
    LogonetResult result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

// The command failed cleanly: non-zero exit, exactly one line on stderr that contains `part`.
inline bool failedWithOneLine(const LogonetResult& result, const QString& part) {
    const QStringList lines = result.err.trimmed().split('\n');
    return result.exitCode != 0 && lines.size() == 1 && lines[0].contains(part);
}
