#pragma once

#include <QString>
#include <QVector>

namespace logonet {
namespace views {

// The runs stored in a project (runs/*/config.json) and how each one ended, read from its files
// alone, so a run started by an earlier window (or a terminal) shows up the same way.
struct RunSummary {
    enum class State { Finished, Stopped, Incomplete, Empty };

    QString name;
    QString directory;
    QString architecture;
    State state = State::Empty;
    qint64 lastStep = 0;
    qint64 totalSteps = 0;
    bool hasMetrics = false;     // metrics.json
    bool hasEvaluation = false;  // evaluation.json (per-case scores)

    // "finished", "stopped at 40/100", ... for the panel's list.
    QString stateText() const;
};

class RunHistory {
  public:
    // Every run folder of the project, sorted by name; a folder without config.json is no run.
    static QVector<RunSummary> list(const QString& projectDirectory);
    static RunSummary read(const QString& runDirectory);
};

}  // namespace views
}  // namespace logonet
