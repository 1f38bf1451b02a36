#pragma once
// Runs the `logonet` binary as a user would, for the app tests.
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>

struct LogonetResult {
    int exitCode = -1;
    QString out;
    QString err;
};

// A command still running after `timeoutMs` is killed and reported with exit code -1.
inline LogonetResult runLogonet(const QStringList& arguments, int timeoutMs = 60000) {
    QProcess process;
    process.start(LOGONET_EXECUTABLE, arguments);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
    }
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

// The JSON objects among the lines of `text` (the --json events of a command).
inline QList<QJsonObject> jsonLines(const QString& text) {
    QList<QJsonObject> objects;
    for (const QString& line : text.split('\n', Qt::SkipEmptyParts)) {
        const QJsonDocument document = QJsonDocument::fromJson(line.toUtf8());
        if (document.isObject()) {
            objects << document.object();
        }
    }
    return objects;
}
