#include "runs/RunEventLog.h"

#include <QFile>
#include <QJsonDocument>
#include <cmath>
#include <limits>

#include "common/NoFollowFile.h"

namespace logonet {
namespace views {

bool RunEventLog::addLine(const QByteArray& line) {
    const QByteArray trimmed = line.trimmed();
    if (!trimmed.startsWith('{')) {
        return false;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(trimmed, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        return false;
    }
    addEvent(document.object());
    return true;
}

void RunEventLog::addEvent(const QJsonObject& event) {
    ++events_;
    const QString kind = event.value(QStringLiteral("event")).toString();
    const qint64 step = event.value(QStringLiteral("step")).toVariant().toLongLong();
    if (kind == QLatin1String("step")) {
        // A resumed run repeats no steps (the engine truncates its log), but a reader that
        // attached mid-run may see one twice: keep the series strictly increasing.
        if (!steps_.isEmpty() && step <= steps_.last()) {
            return;
        }
        steps_.append(static_cast<double>(step));
        loss_.append(event.value(QStringLiteral("loss")).toDouble());
        diceLoss_.append(event.value(QStringLiteral("dice_loss")).toDouble());
        ceLoss_.append(event.value(QStringLiteral("ce_loss")).toDouble());
        lr_.append(event.value(QStringLiteral("lr")).toDouble());
        itPerSecond_ = event.value(QStringLiteral("it_per_s")).toDouble();
        total_ = event.value(QStringLiteral("total")).toVariant().toLongLong();
        lastStep_ = step;
        stopped_ = false;
        finished_ = false;
    } else if (kind == QLatin1String("finished")) {
        finished_ = true;
    } else if (kind == QLatin1String("validation")) {
        const QJsonObject perClass = event.value(QStringLiteral("per_class")).toObject();
        const int previous = validationSteps_.size();
        validationSteps_.append(static_cast<double>(step));
        for (auto it = perClass.begin(); it != perClass.end(); ++it) {
            QVector<double>& series = validationDice_[it.key()];
            series.resize(previous, std::numeric_limits<double>::quiet_NaN());
            series.append(it.value().toDouble());
        }
        for (QVector<double>& series : validationDice_) {
            series.resize(validationSteps_.size(), std::numeric_limits<double>::quiet_NaN());
        }
    } else if (kind == QLatin1String("prepared") || kind == QLatin1String("failed")) {
        preparedScans_ = event.value(QStringLiteral("done")).toInt();
        scansToPrepare_ = event.value(QStringLiteral("total")).toInt();
    } else if (kind == QLatin1String("pretext")) {
        pretext_ = event;
    } else if (kind == QLatin1String("note")) {
        notes_.append(event.value(QStringLiteral("message")).toString());
    } else if (kind == QLatin1String("stopped")) {
        stopped_ = true;
    } else if (kind == QLatin1String("resumed")) {
        stopped_ = false;
    } else if (kind == QLatin1String("evaluated")) {
        evaluatedCases_ = event.value(QStringLiteral("done")).toInt();
        casesToEvaluate_ = event.value(QStringLiteral("total")).toInt();
        lastEvaluatedCase_ = event.value(QStringLiteral("case")).toString();
    }
}

RunEventLog RunEventLog::fromFile(const QString& path) {
    RunEventLog log;
    QFile file;
    if (!openForReadingNoFollow(file, path)) {
        return log;
    }
    while (!file.atEnd()) {
        log.addLine(file.readLine());
    }
    return log;
}

double RunEventLog::secondsRemaining() const {
    if (itPerSecond_ <= 0.0 || total_ <= 0) {
        return -1.0;
    }
    return static_cast<double>(std::max<qint64>(0, total_ - lastStep_)) / itPerSecond_;
}

}  // namespace views
}  // namespace logonet
