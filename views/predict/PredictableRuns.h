#pragma once

#include <QString>
#include <QVector>

namespace logonet {
namespace views {

// A fine-tuning run of the project that can predict: it has a checkpoint (best.pt, else
// last.pt) and is not running.
struct PredictableRun {
    QString name;
    QString directory;
    QString checkpoint;  // the one `logonet infer` will load
};

// The project's runs that can predict, by name. Pre-training runs (no segmentation classes in
// their config.json) and runs still training are left out.
QVector<PredictableRun> predictableRuns(const QString& project);

}  // namespace views
}  // namespace logonet
