#include "runs/RunHistory.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include "common/NoFollowFile.h"
#include "runs/RunEventLog.h"
#include "runs/RunProcessRecord.h"

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
        case State::Running:
            return QCoreApplication::translate("RunSummary", "running at %1/%2")
                .arg(lastStep)
                .arg(totalSteps);
        case State::Failed:
            return QCoreApplication::translate("RunSummary", "failed at %1/%2: %3")
                .arg(lastStep)
                .arg(totalSteps)
                .arg(error);
        case State::Died:
            return QCoreApplication::translate("RunSummary",
                                               "died at %1/%2 without a final event (resumable)")
                .arg(lastStep)
                .arg(totalSteps);
    }
    return {};
}

QString RunSummary::evaluationText() const {
    switch (evaluation) {
        case Evaluation::None:
            return {};
        case Evaluation::Running:
            return casesToEvaluate > 0
                       ? QCoreApplication::translate("RunSummary", "evaluating %1/%2 cases")
                             .arg(evaluatedCases)
                             .arg(casesToEvaluate)
                       : QCoreApplication::translate("RunSummary", "evaluating");
        case Evaluation::Finished:
            return QCoreApplication::translate("RunSummary", "evaluated");
        case Evaluation::Cancelled:
            return QCoreApplication::translate("RunSummary", "evaluation cancelled");
        case Evaluation::Failed:
            return QCoreApplication::translate("RunSummary", "evaluation failed: %1")
                .arg(evaluationError);
        case Evaluation::Died:
            return QCoreApplication::translate("RunSummary",
                                               "evaluation died without a final result");
    }
    return {};
}

QString RunSummary::listText() const {
    QString text = stateText();
    for (const QString& more : {evaluationText(), pretextText}) {
        if (!more.isEmpty()) {
            text += QStringLiteral("; ") + more;
        }
    }
    return text;
}

namespace {

// "pretext accuracy 0.61 (chance 0.10, position-only 0.13, crop-majority 0.87): below
// crop-majority" from the engine's pretext event; older runs have no crop-majority figure.
QString pretextSummary(const QJsonObject& pretext) {
    if (pretext.isEmpty()) {
        return {};
    }
    const auto number = [&pretext](const char* key) {
        return QString::number(pretext.value(QLatin1String(key)).toDouble(), 'f', 2);
    };
    QString text = QCoreApplication::translate("RunSummary",
                                               "pretext accuracy %1 (chance %2, position-only %3")
                       .arg(number("accuracy"), number("chance"), number("position_only"));
    if (pretext.contains(QStringLiteral("crop_majority"))) {
        text += QCoreApplication::translate("RunSummary", ", crop-majority %1")
                    .arg(number("crop_majority"));
    }
    text += QStringLiteral(")");
    if (!pretext.value(QStringLiteral("beats_position_only")).toBool(true)) {
        text += QCoreApplication::translate("RunSummary", ": below position-only");
    } else if (!pretext.value(QStringLiteral("beats_crop_majority")).toBool(true)) {
        text += QCoreApplication::translate("RunSummary", ": below crop-majority");
    }
    return text;
}

}  // namespace

RunSummary RunHistory::read(const QString& runDirectory) {
    const QDir dir(runDirectory);
    RunSummary summary;
    summary.directory = dir.absolutePath();
    summary.name = dir.dirName();
    QFile config;
    if (openForReadingNoFollow(config, dir.filePath(QStringLiteral("config.json")))) {
        const QJsonObject object = QJsonDocument::fromJson(config.readAll()).object();
        summary.architecture = object.value(QStringLiteral("architecture")).toString();
    }
    summary.hasMetrics = QFileInfo::exists(dir.filePath(QStringLiteral("metrics.json")));
    summary.hasEvaluation = QFileInfo::exists(dir.filePath(QStringLiteral("evaluation.json")));
    const RunEventLog log = RunEventLog::fromFile(dir.filePath(QStringLiteral("events.jsonl")));
    summary.lastStep = log.lastStep();
    summary.totalSteps = log.totalSteps();
    bool stoppedInMetrics = false;
    QFile metrics;
    if (openForReadingNoFollow(metrics, dir.filePath(QStringLiteral("metrics.json")))) {
        // The engine writes metrics.json also when a run is stopped, marked as such.
        stoppedInMetrics = QJsonDocument::fromJson(metrics.readAll())
                               .object()
                               .value(QStringLiteral("stopped"))
                               .toBool();
    }
    // The newest training launch of the workstation, when there is one, knows best; a remote
    // run is the local `logonet remote run` that follows it (same exit codes as `train`).
    RunProcessRecord launch;
    for (const QString& command :
         {QStringLiteral("train"), QStringLiteral("pretrain"), QStringLiteral("remote")}) {
        const RunProcessRecord record =
            RunProcessRecord::read(processFolder(runDirectory, command));
        if (record.state() != RunProcessRecord::State::None &&
            (launch.state() == RunProcessRecord::State::None ||
             QFileInfo(record.filePath(QStringLiteral("launch.json"))).lastModified() >
                 QFileInfo(launch.filePath(QStringLiteral("launch.json"))).lastModified())) {
            launch = record;
        }
    }
    if (launch.state() != RunProcessRecord::State::None) {
        summary.processFolder = launch.folder();
    }
    constexpr int kStoppedExitCode = 3;
    if (launch.isActive()) {
        summary.state = RunSummary::State::Running;
    } else if (launch.state() == RunProcessRecord::State::Died) {
        summary.state = RunSummary::State::Died;
    } else if (launch.state() == RunProcessRecord::State::Exited && launch.exitCode() != 0 &&
               launch.exitCode() != kStoppedExitCode) {
        summary.state = RunSummary::State::Failed;
        const QStringList lines = launch.errorTail(1).split(QLatin1Char('\n'));
        summary.error = lines.isEmpty() ? QString() : lines.last();
        if (summary.error.isEmpty()) {
            summary.error =
                QCoreApplication::translate("RunSummary", "exit code %1").arg(launch.exitCode());
        }
    } else if (log.stopped() || stoppedInMetrics) {
        summary.state = RunSummary::State::Stopped;
    } else if (summary.hasMetrics || log.finished()) {
        summary.state = RunSummary::State::Finished;
    } else if (log.eventCount() > 0) {
        summary.state = RunSummary::State::Incomplete;
    }
    summary.pretextText = pretextSummary(log.pretext());
    readEvaluation(runDirectory, summary);
    return summary;
}

void RunHistory::readEvaluation(const QString& runDirectory, RunSummary& summary) {
    const RunProcessRecord record =
        RunProcessRecord::read(processFolder(runDirectory, QStringLiteral("evaluate")));
    using Evaluation = RunSummary::Evaluation;
    // Killed by SIGTERM (the panel's Cancel) or SIGINT: `evaluate` keeps no partial results.
    constexpr int kTerminated = 128 + 15;
    constexpr int kInterrupted = 128 + 2;
    switch (record.state()) {
        case RunProcessRecord::State::None:
            summary.evaluation = Evaluation::None;
            return;
        case RunProcessRecord::State::Starting:
        case RunProcessRecord::State::Running: {
            summary.evaluation = Evaluation::Running;
            const RunEventLog log = RunEventLog::fromFile(record.eventsFile());
            summary.evaluatedCases = log.evaluatedCases();
            summary.casesToEvaluate = log.casesToEvaluate();
            return;
        }
        case RunProcessRecord::State::Died:
            summary.evaluation = Evaluation::Died;
            return;
        case RunProcessRecord::State::Exited:
            break;
    }
    if (record.exitCode() == 0) {
        summary.evaluation = Evaluation::Finished;
    } else if (record.exitCode() == kTerminated || record.exitCode() == kInterrupted) {
        summary.evaluation = Evaluation::Cancelled;
    } else {
        summary.evaluation = Evaluation::Failed;
        const QStringList lines = record.errorTail(1).split(QLatin1Char('\n'));
        summary.evaluationError = lines.isEmpty() ? QString() : lines.last();
        if (summary.evaluationError.isEmpty()) {
            summary.evaluationError =
                QCoreApplication::translate("RunSummary", "exit code %1").arg(record.exitCode());
        }
    }
}

QString RunHistory::processFolder(const QString& runDirectory, const QString& command) {
    return QDir(runDirectory).filePath(QStringLiteral("process/") + command);
}

QString RunHistory::clusteringProcessFolder(const QString& projectDirectory) {
    // Hidden, and a name the engine refuses as a run name, so it is never listed as a run.
    return QDir(projectDirectory).filePath(QStringLiteral("runs/.clustering/process/cluster"));
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
