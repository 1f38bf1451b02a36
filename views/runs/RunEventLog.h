#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVector>

namespace logonet {
namespace views {

// The events of one run (the engine's JSON lines, from its stdout or events.jsonl) as series the
// panel and the curves read: losses and learning rate per step, validation Dice per organ.
class RunEventLog {
  public:
    // Adds one line; lines that are not JSON objects (a warning on stdout) are ignored.
    // Returns whether the line was an event.
    bool addLine(const QByteArray& line);
    void addEvent(const QJsonObject& event);
    // Reads a whole events.jsonl; a missing file gives an empty log.
    static RunEventLog fromFile(const QString& path);

    const QVector<double>& steps() const { return steps_; }
    const QVector<double>& loss() const { return loss_; }
    const QVector<double>& diceLoss() const { return diceLoss_; }
    const QVector<double>& ceLoss() const { return ceLoss_; }
    const QVector<double>& learningRate() const { return lr_; }
    const QVector<double>& validationSteps() const { return validationSteps_; }
    // Organ name -> Dice at each validation step (NaN where the organ was not scored).
    const QMap<QString, QVector<double>>& validationDice() const { return validationDice_; }

    qint64 lastStep() const { return lastStep_; }
    qint64 totalSteps() const { return total_; }
    double iterationsPerSecond() const { return itPerSecond_; }
    // Seconds left at the last reported speed, or -1 when unknown.
    double secondsRemaining() const;
    bool stopped() const { return stopped_; }
    // The engine's "finished" event came after the last of all the steps: a pre-training, which
    // writes no metrics.json, ended.
    bool finished() const { return finished_ && total_ > 0 && lastStep_ >= total_; }
    int eventCount() const { return events_; }
    // An evaluation's progress (`logonet evaluate --json` reports each scored case).
    int evaluatedCases() const { return evaluatedCases_; }
    int casesToEvaluate() const { return casesToEvaluate_; }
    const QString& lastEvaluatedCase() const { return lastEvaluatedCase_; }
    // A run preparing its scans before the first step (`logonet train` on scans not prepared).
    int preparedScans() const { return preparedScans_; }
    int scansToPrepare() const { return scansToPrepare_; }
    // A pre-training's pretext accuracy next to its no-learning baselines (the "pretext" event),
    // empty when the run has none.
    const QJsonObject& pretext() const { return pretext_; }
    // What the engine said the user should know and that did not stop it (the "note" events:
    // a clustering that drew fewer crops than asked, to stay within its memory budget).
    const QStringList& notes() const { return notes_; }

  private:
    QVector<double> steps_, loss_, diceLoss_, ceLoss_, lr_;
    QVector<double> validationSteps_;
    QMap<QString, QVector<double>> validationDice_;
    qint64 lastStep_ = 0;
    qint64 total_ = 0;
    double itPerSecond_ = 0.0;
    bool stopped_ = false;
    bool finished_ = false;
    int events_ = 0;
    int evaluatedCases_ = 0;
    int casesToEvaluate_ = 0;
    QString lastEvaluatedCase_;
    int preparedScans_ = 0;
    int scansToPrepare_ = 0;
    QJsonObject pretext_;
    QStringList notes_;
};

}  // namespace views
}  // namespace logonet
