#include "runs/RunLauncher.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSaveFile>
#include <QStandardPaths>
#include <stdexcept>

namespace logonet {
namespace views {

namespace {

// $1 is the folder, the rest the engine's command line: arguments reach the engine as they are,
// never through the shell's parser. Files are written whole (temporary file, then renamed) so a
// reader never sees half a pid or half an exit code.
const char* const kLauncherScript =
    "folder=$1; shift; "
    "\"$@\" >\"$folder/stdout.log\" 2>\"$folder/stderr.log\" </dev/null & pid=$!; "
    "echo $pid >\"$folder/engine.pid.tmp\" && mv -f \"$folder/engine.pid.tmp\" "
    "\"$folder/engine.pid\"; "
    "wait $pid; code=$?; "
    "echo $code >\"$folder/exit_code.tmp\" && mv -f \"$folder/exit_code.tmp\" "
    "\"$folder/exit_code\"";

void writeWhole(const QString& path, const QByteArray& bytes) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        throw std::runtime_error(
            QStringLiteral("%1: cannot write (%2)").arg(path, file.errorString()).toStdString());
    }
}

}  // namespace

QString RunLauncher::resolveProgram(const QString& program) {
    if (program.contains(QLatin1Char('/'))) {
        const QFileInfo info(program);
        return info.isFile() && info.isExecutable() ? info.absoluteFilePath() : QString();
    }
    return QStandardPaths::findExecutable(program);
}

void RunLauncher::launch(const QString& folder, const QString& program,
                         const QStringList& arguments, const QString& eventsFile) {
    const QString resolved = resolveProgram(program);
    if (resolved.isEmpty()) {
        throw std::runtime_error(QStringLiteral("Cannot start the engine '%1': no executable "
                                                "file of that name")
                                     .arg(program)
                                     .toStdString());
    }
    // The process folder lives in the run folder, which may have come from elsewhere: its logs
    // and pid files must not land wherever a link points.
    if (QFileInfo(folder).isSymLink()) {
        throw std::runtime_error(QStringLiteral("%1 is a symbolic link; refusing to follow it")
                                     .arg(folder)
                                     .toStdString());
    }
    QDir dir(folder);
    if (!dir.mkpath(QStringLiteral("."))) {
        throw std::runtime_error(
            QStringLiteral("%1: cannot create the run's process folder").arg(folder).toStdString());
    }
    for (const char* name :
         {"exit_code", "engine.pid", "launcher.pid", "stdout.log", "stderr.log"}) {
        dir.remove(QString::fromLatin1(name));
    }
    QJsonObject launch;
    launch.insert(QStringLiteral("program"), resolved);
    launch.insert(QStringLiteral("arguments"), QJsonArray::fromStringList(arguments));
    launch.insert(QStringLiteral("events"), QFileInfo(eventsFile).absoluteFilePath());
    launch.insert(QStringLiteral("started"), QDateTime::currentMSecsSinceEpoch());
    writeWhole(dir.filePath(QStringLiteral("launch.json")), QJsonDocument(launch).toJson());

    QProcess shell;
    shell.setProgram(QStringLiteral("/bin/sh"));
    shell.setArguments(QStringList{QStringLiteral("-c"), QString::fromLatin1(kLauncherScript),
                                   QStringLiteral("logonet-run"), dir.absolutePath(), resolved} +
                       arguments);
    shell.setStandardInputFile(QProcess::nullDevice());
    shell.setStandardOutputFile(QProcess::nullDevice());
    shell.setStandardErrorFile(QProcess::nullDevice());
    qint64 pid = 0;
    if (!shell.startDetached(&pid)) {
        throw std::runtime_error(QStringLiteral("Cannot start the engine '%1': %2")
                                     .arg(resolved, shell.errorString())
                                     .toStdString());
    }
    writeWhole(dir.filePath(QStringLiteral("launcher.pid")), QByteArray::number(pid) + '\n');
}

}  // namespace views
}  // namespace logonet
