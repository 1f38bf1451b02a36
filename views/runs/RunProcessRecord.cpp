#include "runs/RunProcessRecord.h"

#include <sys/types.h>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <csignal>

#include "common/NoFollowFile.h"

namespace logonet {
namespace views {

namespace {

// A launch whose shell has not reported the engine's pid within this time did not start.
constexpr qint64 kStartGraceMs = 20000;

qint64 readPid(const QString& path) {
    QFile file;
    if (!openForReadingNoFollow(file, path)) {
        return 0;
    }
    bool ok = false;
    const qint64 pid = file.readAll().trimmed().toLongLong(&ok);
    return ok && pid > 0 ? pid : 0;
}

}  // namespace

QString RunProcessRecord::filePath(const QString& name) const {
    return QDir(folder_).filePath(name);
}

bool RunProcessRecord::isProcessOf(qint64 pid, const QString& program,
                                   const QStringList& arguments) {
    if (pid <= 0) {
        return false;
    }
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
    if (!cmdline.open(QIODevice::ReadOnly)) {
        // Without /proc only liveness can be checked.
        return !QFileInfo::exists(QStringLiteral("/proc/self")) &&
               ::kill(static_cast<pid_t>(pid), 0) == 0;
    }
    QByteArray text = cmdline.readAll();
    if (text.isEmpty()) {
        return false;  // a zombie: it has exited
    }
    if (text.endsWith('\0')) {
        text.chop(1);
    }
    QStringList parts;
    for (const QByteArray& part : text.split('\0')) {
        parts << QString::fromLocal8Bit(part);
    }
    if (parts.size() < arguments.size() ||
        parts.mid(parts.size() - arguments.size()) != arguments) {
        return false;
    }
    // A script runs as "interpreter script args...": the program is one of the leading words.
    return parts.mid(0, parts.size() - arguments.size()).contains(program);
}

RunProcessRecord RunProcessRecord::read(const QString& folder) {
    RunProcessRecord record;
    record.folder_ = folder;
    QFile launch;
    if (!openForReadingNoFollow(launch, record.filePath(QStringLiteral("launch.json")))) {
        return record;
    }
    const QJsonObject object = QJsonDocument::fromJson(launch.readAll()).object();
    record.program_ = object.value(QStringLiteral("program")).toString();
    for (const QJsonValue& value : object.value(QStringLiteral("arguments")).toArray()) {
        record.arguments_ << value.toString();
    }
    record.eventsFile_ = object.value(QStringLiteral("events")).toString();
    const qint64 started = object.value(QStringLiteral("started")).toVariant().toLongLong();

    if (record.readExitCode()) {
        return record;
    }
    record.enginePid_ = readPid(record.filePath(QStringLiteral("engine.pid")));
    const qint64 launcher = readPid(record.filePath(QStringLiteral("launcher.pid")));
    // The shell's command line ends with the same program and arguments as the engine's.
    const bool launcherAlive = isProcessOf(launcher, record.program_, record.arguments_);
    if (record.enginePid_ > 0 &&
        isProcessOf(record.enginePid_, record.program_, record.arguments_)) {
        record.state_ = State::Running;
    } else if (launcherAlive) {
        // Either the engine is about to start or it just ended and exit_code is being written.
        record.state_ = record.enginePid_ > 0 ? State::Running : State::Starting;
    } else if (record.enginePid_ == 0 &&
               QDateTime::currentMSecsSinceEpoch() - started < kStartGraceMs &&
               !QFileInfo::exists(record.filePath(QStringLiteral("launcher.pid")))) {
        record.state_ = State::Starting;
    } else if (!record.readExitCode()) {
        // Checked again: the shell may have written it and gone between the two looks.
        record.state_ = State::Died;
    }
    return record;
}

bool RunProcessRecord::readExitCode() {
    QFile file;
    if (!openForReadingNoFollow(file, filePath(QStringLiteral("exit_code")))) {
        return false;
    }
    bool ok = false;
    exitCode_ = file.readAll().trimmed().toInt(&ok);
    if (!ok) {
        return false;
    }
    state_ = State::Exited;
    enginePid_ = readPid(filePath(QStringLiteral("engine.pid")));
    return true;
}

QString RunProcessRecord::errorTail(int lines) const {
    QFile file;
    if (!openForReadingNoFollow(file, filePath(QStringLiteral("stderr.log")))) {
        return {};
    }
    // Only the tail matters; a progress bar on stderr may have made the file long.
    if (file.size() > 16384) {
        file.seek(file.size() - 16384);
    }
    QStringList all = QString::fromUtf8(file.readAll())
                          .split(QRegularExpression(QStringLiteral("[\r\n]")), Qt::SkipEmptyParts);
    while (all.size() > lines) {
        all.removeFirst();
    }
    return all.join(QLatin1Char('\n'));
}

bool RunProcessRecord::terminate() const {
    if (enginePid_ <= 0 || !isProcessOf(enginePid_, program_, arguments_)) {
        return false;
    }
    return ::kill(static_cast<pid_t>(enginePid_), SIGTERM) == 0;
}

}  // namespace views
}  // namespace logonet
