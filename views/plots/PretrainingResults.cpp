#include "plots/PretrainingResults.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <stdexcept>

#include "common/NoFollowFile.h"

namespace logonet {
namespace views {

namespace {

// The problems name the file and the place in it, since the user has to find it there.
[[noreturn]] void refuse(const QString& path, const QString& problem) {
    throw std::runtime_error(path.toStdString() + ": " + problem.toStdString());
}

PretrainingResults::Statistic statisticOf(const QString& path, const QJsonValue& value,
                                          const QString& where) {
    const QJsonObject object = value.toObject();
    const QJsonValue mean = object.value(QStringLiteral("mean"));
    const QJsonValue sd = object.value(QStringLiteral("sd"));
    if (!value.isObject() || !mean.isDouble() || !sd.isDouble() || sd.toDouble() < 0.0) {
        refuse(path, where + QStringLiteral(" needs a number \"mean\" and a number \"sd\" >= 0"));
    }
    return {mean.toDouble(), sd.toDouble()};
}

// A count's key: a positive whole number ("1", "2", "4"); other keys are the file's metadata.
int countOf(const QString& key) {
    bool number = false;
    const int count = key.toInt(&number);
    return number && count > 0 && QString::number(count) == key ? count : 0;
}

}  // namespace

QStringList PretrainingResults::arms() const {
    QStringList controls;
    bool scratch = false;
    bool pretrained = false;
    for (const Count& count : counts) {
        for (auto it = count.arms.cbegin(); it != count.arms.cend(); ++it) {
            scratch = scratch || it.key() == QLatin1String("scratch");
            pretrained = pretrained || it.key() == QLatin1String("pretrained");
            if (it.key() != QLatin1String("scratch") && it.key() != QLatin1String("pretrained") &&
                !controls.contains(it.key())) {
                controls << it.key();
            }
        }
    }
    std::sort(controls.begin(), controls.end());
    QStringList ordered;
    if (scratch) {
        ordered << QStringLiteral("scratch");
    }
    if (pretrained) {
        ordered << QStringLiteral("pretrained");
    }
    return ordered + controls;
}

QString PretrainingResults::fileIn(const QString& projectDirectory) {
    return QDir(projectDirectory).filePath(QStringLiteral("experiments/pretraining.json"));
}

PretrainingResults PretrainingResults::fromFile(const QString& path) {
    QFile file;
    QString problem;
    if (!openForReadingNoFollow(file, path, &problem)) {
        throw std::runtime_error("Cannot read " + problem.toStdString());
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError) {
        refuse(
            path,
            QStringLiteral("not JSON (%1 at byte %2)").arg(error.errorString()).arg(error.offset));
    }
    if (!document.isObject()) {
        refuse(path, QStringLiteral("not a JSON object"));
    }
    const QJsonObject root = document.object();
    PretrainingResults results;
    for (auto it = root.begin(); it != root.end(); ++it) {
        const int labeled = countOf(it.key());
        if (labeled == 0) {
            continue;
        }
        const QString where = QStringLiteral("\"%1\"").arg(it.key());
        const QJsonObject entry = it.value().toObject();
        const QJsonObject arms = entry.value(QStringLiteral("arms")).toObject();
        if (!it.value().isObject() || arms.isEmpty()) {
            refuse(path, where + QStringLiteral(" has no \"arms\" object"));
        }
        Count count;
        count.labeledCases = labeled;
        for (auto arm = arms.begin(); arm != arms.end(); ++arm) {
            count.arms.insert(arm.key(),
                              statisticOf(path, arm.value(),
                                          where + QStringLiteral(" arm \"%1\"").arg(arm.key())));
        }
        if (entry.contains(QStringLiteral("paired_difference"))) {
            count.pairedDifference =
                statisticOf(path, entry.value(QStringLiteral("paired_difference")),
                            where + QStringLiteral(" \"paired_difference\""));
        }
        count.pairs = static_cast<int>(entry.value(QStringLiteral("pairs")).toArray().size());
        results.counts << count;
    }
    if (results.counts.isEmpty()) {
        refuse(path, QStringLiteral("no results per labeled-case count (keys \"1\", \"2\", ...)"));
    }
    std::sort(results.counts.begin(), results.counts.end(),
              [](const Count& a, const Count& b) { return a.labeledCases < b.labeledCases; });
    results.seeds = root.value(QStringLiteral("seeds")).toInt();
    results.date = root.value(QStringLiteral("date")).toString();
    results.quick = root.value(QStringLiteral("quick")).toBool();
    results.seconds = root.value(QStringLiteral("seconds")).toDouble(-1);
    return results;
}

}  // namespace views
}  // namespace logonet
