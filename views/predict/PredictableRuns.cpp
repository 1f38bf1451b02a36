#include "predict/PredictableRuns.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include "common/NoFollowFile.h"
#include "runs/RunHistory.h"

namespace logonet {
namespace views {

namespace {

bool isSegmentationRun(const QString& directory) {
    QFile file;
    if (!openForReadingNoFollow(file, QDir(directory).filePath(QStringLiteral("config.json")))) {
        return false;
    }
    return QJsonDocument::fromJson(file.readAll()).object().contains(QStringLiteral("classes"));
}

}  // namespace

QVector<PredictableRun> predictableRuns(const QString& project) {
    QVector<PredictableRun> out;
    for (const RunSummary& run : RunHistory::list(project)) {
        if (run.state == RunSummary::State::Running || !isSegmentationRun(run.directory)) {
            continue;
        }
        const QDir checkpoints(QDir(run.directory).filePath(QStringLiteral("checkpoints")));
        for (const QString& name : {QStringLiteral("best.pt"), QStringLiteral("last.pt")}) {
            if (QFile::exists(checkpoints.filePath(name))) {
                out.append({run.name, run.directory, checkpoints.filePath(name)});
                break;
            }
        }
    }
    return out;
}

}  // namespace views
}  // namespace logonet
