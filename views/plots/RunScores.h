#pragma once

#include <QMap>
#include <QString>
#include <QStringList>
#include <QVector>

namespace logonet {
namespace views {

// A run's scores as `logonet evaluate` writes them (evaluation.json in the run folder): per organ
// the mean and standard deviation of Dice and HD95 across cases, and every case's Dice and HD95.
struct RunScores {
    struct Organ {
        QString name;
        int cases = 0;
        double diceMean = 0.0;
        double diceStd = 0.0;
        double hd95Mean = 0.0;
        double hd95Std = 0.0;
    };
    struct CaseScore {
        double dice = 0.0;
        double hd95 = 0.0;  // NaN where the engine reported none (organ missed)
    };

    QString run;
    QVector<Organ> organs;  // in the label set's order
    // Case name -> organ name -> scores.
    QMap<QString, QMap<QString, CaseScore>> cases;

    // Throws std::runtime_error naming the file when it is missing or not an evaluation.
    static RunScores fromFile(const QString& evaluationJson);
    // The evaluation of a run folder (its evaluation.json).
    static RunScores fromRun(const QString& runDirectory);
    // The per-case Dice of one organ, in case-name order (cases without the organ left out).
    QVector<double> caseDice(const QString& organ) const;
};

}  // namespace views
}  // namespace logonet
