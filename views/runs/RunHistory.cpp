#include "runs/RunHistory.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include "runs/RunEventLog.h"

namespace logonet {
namespace views {

QString RunSummary::stateText() const {
    switch (state) {
        case State::Finished:
            return QCoreApplication::translate("RunSummary", "finished");
        case State::Stopped:
            return QCoreApplication::translate("RunSummary", "stopped at %1/%2 (resumable)")
                .arg(lastStep)
                .arg(totalSteps);
        case State::Incomplete:
            return QCoreApplication::translate("RunSummary", "running or interrupted at %1/%2")
                .arg(lastStep)
                .arg(totalSteps);
        case State::Empty:
            return QCoreApplication::translate("RunSummary", "not started");
    }
    return {};
}

RunSummary RunHistory::read(const QString& runDirectory) {
    const QDir dir(runDirectory);
    RunSummary summary;
    summary.directory = dir.absolutePath();
    summary.name = dir.dirName();
    QFile config(dir.filePath(QStringLiteral("config.json")));
    if (config.open(QIODevice::ReadOnly)) {
        const QJsonObject object = QJsonDocument::fromJson(config.readAll()).object();
        summary.architecture = object.value(QStringLiteral("architecture")).toString();
    }
    summary.hasMetrics = QFileInfo::exists(dir.filePath(QStringLiteral("metrics.json")));
    summary.hasEvaluation = QFileInfo::exists(dir.filePath(QStringLiteral("evaluation.json")));
    const RunEventLog log = RunEventLog::fromFile(dir.filePath(QStringLiteral("events.jsonl")));
    summary.lastStep = log.lastStep();
    summary.totalSteps = log.totalSteps();
    bool stoppedInMetrics = false;
    QFile metrics(dir.filePath(QStringLiteral("metrics.json")));
    if (metrics.open(QIODevice::ReadOnly)) {
        // The engine writes metrics.json also when a run is stopped, marked as such.
        stoppedInMetrics = QJsonDocument::fromJson(metrics.readAll())
                               .object()
                               .value(QStringLiteral("stopped"))
                               .toBool();
    }
    if (log.stopped() || stoppedInMetrics) {
        summary.state = RunSummary::State::Stopped;
    } else if (summary.hasMetrics) {
        summary.state = RunSummary::State::Finished;
    } else if (log.eventCount() > 0) {
        summary.state = RunSummary::State::Incomplete;
    }
    return summary;
}

QVector<RunSummary> RunHistory::list(const QString& projectDirectory) {
    QVector<RunSummary> runs;
    const QDir root(QDir(projectDirectory).filePath(QStringLiteral("runs")));
    const QStringList names = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString& name : names) {
        const QString directory = root.filePath(name);
        if (QFileInfo::exists(QDir(directory).filePath(QStringLiteral("config.json")))) {
            runs.append(read(directory));
        }
    }
    return runs;
}

}  // namespace views
}  // namespace logonet
