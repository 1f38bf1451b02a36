#include "plots/RunScores.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "common/NoFollowFile.h"

namespace logonet {
namespace views {

namespace {

// The engine writes null for a value that is not finite (HD95 of a missed organ).
double numberOrNaN(const QJsonValue& value) {
    return value.isDouble() ? value.toDouble() : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace

RunScores RunScores::fromFile(const QString& evaluationJson) {
    QFile file;
    QString problem;
    if (!openForReadingNoFollow(file, evaluationJson, &problem)) {
        throw std::runtime_error("Cannot read " + problem.toStdString() +
                                 " (run `logonet evaluate` on the run first)");
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject() ||
        !document.object().value(QStringLiteral("classes")).isArray()) {
        throw std::runtime_error(
            evaluationJson.toStdString() + " is not an evaluation of `logonet evaluate`" +
            (error.error != QJsonParseError::NoError ? ": " + error.errorString().toStdString()
                                                     : std::string()));
    }
    const QJsonObject root = document.object();
    RunScores scores;
    scores.run = root.value(QStringLiteral("run"))
                     .toString(QFileInfo(evaluationJson).absoluteDir().dirName());
    for (const QJsonValue& entry : root.value(QStringLiteral("classes")).toArray()) {
        const QJsonObject object = entry.toObject();
        Organ organ;
        organ.name = object.value(QStringLiteral("name")).toString();
        organ.cases = object.value(QStringLiteral("cases")).toInt();
        organ.diceMean = object.value(QStringLiteral("dice_mean")).toDouble();
        organ.diceStd = object.value(QStringLiteral("dice_std")).toDouble();
        organ.hd95Mean = numberOrNaN(object.value(QStringLiteral("hd95_mean")));
        organ.hd95Std = numberOrNaN(object.value(QStringLiteral("hd95_std")));
        scores.organs.append(organ);
    }
    const QJsonObject cases = root.value(QStringLiteral("cases")).toObject();
    for (auto it = cases.begin(); it != cases.end(); ++it) {
        const QJsonObject perOrgan = it.value().toObject();
        QMap<QString, CaseScore>& target = scores.cases[it.key()];
        for (auto organ = perOrgan.begin(); organ != perOrgan.end(); ++organ) {
            const QJsonObject values = organ.value().toObject();
            target.insert(organ.key(),
                          CaseScore{numberOrNaN(values.value(QStringLiteral("dice"))),
                                    numberOrNaN(values.value(QStringLiteral("hd95")))});
        }
    }
    return scores;
}

RunScores RunScores::fromRun(const QString& runDirectory) {
    RunScores scores = fromFile(QDir(runDirectory).filePath(QStringLiteral("evaluation.json")));
    scores.run = QDir(runDirectory).dirName();
    return scores;
}

QVector<double> RunScores::caseDice(const QString& organ) const {
    QVector<double> values;
    for (auto it = cases.cbegin(); it != cases.cend(); ++it) {
        const auto found = it.value().constFind(organ);
        if (found != it.value().cend() && !std::isnan(found->dice)) {
            values.append(found->dice);
        }
    }
    return values;
}

}  // namespace views
}  // namespace logonet
