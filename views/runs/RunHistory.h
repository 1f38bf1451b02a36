#pragma once

#include <QString>
#include <QVector>

namespace logonet {
namespace views {

// The runs stored in a project (runs/*/config.json) and how each one ended, read from its files
// alone, so a run started by an earlier window (or a terminal) shows up the same way.
struct RunSummary {
    // Running, Failed and Died are known only for runs the workstation launched (their process
    // folder tells); a run started in a terminal is Incomplete until it writes its metrics.
    enum class State { Finished, Stopped, Incomplete, Empty, Running, Failed, Died };

    QString name;
    QString directory;
    QString architecture;
    State state = State::Empty;
    qint64 lastStep = 0;
    qint64 totalSteps = 0;
    bool hasMetrics = false;     // metrics.json
    bool hasEvaluation = false;  // evaluation.json (per-case scores)
    QString error;               // Failed: the engine's last error line
    QString processFolder;       // the training launch's process folder, empty when none

    // The workstation's last `logonet evaluate` of the run, told apart from its training: an
    // evaluation stopped by Cancel (SIGTERM) is Cancelled, one killed with its launcher Died.
    enum class Evaluation { None, Running, Finished, Cancelled, Failed, Died };
    Evaluation evaluation = Evaluation::None;
    int evaluatedCases = 0;   // Running: cases scored so far
    int casesToEvaluate = 0;  // Running: cases of the split, 0 until the first is scored
    QString evaluationError;  // Failed: the engine's last error line
    // A pre-training's pretext accuracy on held-out scans next to what needs no learning (chance,
    // position-only, crop-majority), and which of them it fails to beat; empty for other runs.
    QString pretextText;

    // "finished", "stopped at 40/100", ... for the panel's list.
    QString stateText() const;
    // "evaluating 2/5 cases", "evaluation failed: ...", empty without an evaluation.
    QString evaluationText() const;
    // What the panel's list shows: the training state, then the evaluation's or the pretext
    // accuracy when there is one.
    QString listText() const;
};

class RunHistory {
  public:
    // Every run folder of the project, sorted by name; a folder without config.json is no run.
    static QVector<RunSummary> list(const QString& projectDirectory);
    static RunSummary read(const QString& runDirectory);
    // Where the workstation's launch of `command` (train, pretrain, evaluate) for this run keeps
    // its pid, output and exit status; clustering, which has no run, keeps them in the project.
    static QString processFolder(const QString& runDirectory, const QString& command);
    static QString clusteringProcessFolder(const QString& projectDirectory);

  private:
    static void readEvaluation(const QString& runDirectory, RunSummary& summary);
};

}  // namespace views
}  // namespace logonet
