#pragma once

#include <QWidget>

#include "runs/RunRequest.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace logonet {
namespace views {

class CaseReviewTable;
class DiceChart;
class DetachedRun;
class PretrainingChart;
class TrainingCurves;

// The Runs panel: a form for a fine-tuning, pre-training, inference or clustering run with the
// engine command line it makes, Start / Cancel / Resume, status, a progress bar with the time
// left, the project's runs and how each ended, and the live curves of the selected runs.
class RunsPanel : public QWidget {
    Q_OBJECT
  public:
    explicit RunsPanel(QWidget* parent = nullptr);
    ~RunsPanel() override;

    // Lists the project's runs (also those started by an earlier window or a terminal) and
    // follows the one still running, if any; a run followed before keeps running.
    void setProject(const QString& directory);
    const QString& project() const { return project_; }
    void setEngine(const QString& program) { engine_ = program; }
    const QString& engine() const { return engine_; }

    // The form's values, and the form filled from a request (for tests and "run again").
    RunRequest request() const;
    void setRequest(const RunRequest& request);
    // The command line shown under the form, or the form's problem when it has one.
    QString commandLineShown() const;

    // Starts the form's run; false (and the reason in status()) when it cannot start.
    bool start();
    void cancel();
    bool resume();
    bool isRunning() const;
    QString status() const;
    int progressValue() const;
    void refreshRuns();
    int runCount() const;
    // The State column of a run in the list, as the user reads it (empty for no such run).
    QString runStateText(const QString& name) const;
    // The name of the run followed while it runs ("The clustering" for one), else empty.
    QString runningRunName() const;

    TrainingCurves* curves() const { return curves_; }
    DiceChart* diceChart() const { return diceChart_; }
    PretrainingChart* experimentChart() const { return experimentChart_; }
    CaseReviewTable* reviewTable() const { return reviewTable_; }
    // The run whose cases the review table lists (empty when none is scored).
    const QString& reviewedRun() const { return reviewedRun_; }
    // Selects runs in the list by name, as a user's click would (shows their curves and Dice).
    void selectRuns(const QStringList& names);
    // The run followed: started here, or found running when the project was opened.
    DetachedRun* process() const { return process_; }

  Q_SIGNALS:
    void runFinished(const QString& runDirectory, int exitCode);
    // The user chose a run in the list (for the Dice chart and the review table).
    void runSelected(const QString& runDirectory);
    // A cell of the review table was clicked: open that case (a scan name) of the run's
    // evaluation at that organ (empty for a summary column).
    void caseChosen(const QString& runName, const QString& caseName, const QString& organ);

  private:
    void buildForm();
    void updateForm();
    void updateCommandLine();
    void onEvent();
    void onFinished(int exitCode, bool cancelled);
    void showEvaluationProgress();
    void showSelectedRuns();
    bool launch(const RunRequest& request);
    // Follows a run of the project that an earlier window (or this one) left running.
    void reattach();
    // Fills the "where" choice: this computer and the hosts of the Remote Hosts dialog.
    void refreshRemoteHosts();
    // The project's preparation settings (and what its scans suggest) shown in the form.
    void refreshPreparationDefaults();
    void editRemoteHosts();

    QString project_;
    QString engine_;
    QString activeRun_;  // the folder of the run in progress
    QString reviewedRun_;
    DetachedRun* process_;
    TrainingCurves* curves_;
    DiceChart* diceChart_;
    PretrainingChart* experimentChart_;
    CaseReviewTable* reviewTable_;

    QComboBox* kind_;
    QLineEdit* name_;
    QComboBox* architecture_;
    QComboBox* initFrom_;
    QSpinBox* iterations_;
    QSpinBox* batch_;
    QLineEdit* crop_;
    QComboBox* modality_;
    QLineEdit* spacing_;
    QDoubleSpinBox* learningRate_;
    QComboBox* device_;
    QComboBox* where_;
    QVector<RemoteHost> remoteHosts_;
    QComboBox* split_;
    QCheckBox* amp_;
    QCheckBox* checkpointing_;
    QSpinBox* clusterers_;
    QDoubleSpinBox* phi1_;
    QDoubleSpinBox* phi2_;
    QSpinBox* maskLength_;
    QDoubleSpinBox* tau_;
    QSpinBox* kMin_;
    QSpinBox* kMax_;
    QLineEdit* commandLine_;
    QPushButton* startButton_;
    QPushButton* cancelButton_;
    QPushButton* resumeButton_;
    QLabel* status_;
    QProgressBar* progress_;
    QTreeWidget* runs_;
};

}  // namespace views
}  // namespace logonet
