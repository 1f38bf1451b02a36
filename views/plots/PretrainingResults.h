#pragma once

#include <QMap>
#include <QString>
#include <QStringList>
#include <QVector>

namespace logonet {
namespace views {

// The results of `logonet experiment pretraining` as it keeps them in the project
// (experiments/pretraining.json): per count of labeled cases, each arm's mean Dice on the
// held-out cases with its standard deviation over the paired seeds, and the paired difference
// pre-trained minus scratch.
struct PretrainingResults {
    struct Statistic {
        double mean = 0.0;
        double sd = 0.0;
    };
    struct Count {
        int labeledCases = 0;
        QMap<QString, Statistic> arms;  // "scratch", "pretrained", controls
        Statistic pairedDifference;
        int pairs = 0;  // the paired seeds behind the numbers
    };

    QVector<Count> counts;  // by labeled cases, ascending
    int seeds = 0;
    QString date;         // ISO 8601, UTC; empty when the file has none
    bool quick = false;   // measured with --quick
    double seconds = -1;  // how long the experiment took; negative when unknown

    // The arms of any count: scratch and pretrained first, then the controls in name order.
    QStringList arms() const;
    static QString fileIn(const QString& projectDirectory);
    // Reads the file without following a link; std::runtime_error naming the file and the problem
    // when it cannot be read or is not such a file.
    static PretrainingResults fromFile(const QString& path);
};

}  // namespace views
}  // namespace logonet
