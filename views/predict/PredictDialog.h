#pragma once

#include <QDialog>
#include <QVector>

#include "predict/PredictableRuns.h"
#include "predict/PredictionRequest.h"
#include "remote/RemoteHost.h"

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace logonet {
namespace views {

class PredictionJob;

// "Predict this scan" / "Predict selected scans": choose one of the project's trained runs and
// where to run it, then follow the engine scan by scan with the time left and Cancel. Modeless,
// so the window (and each prediction as it arrives) stays usable meanwhile.
class PredictDialog : public QDialog {
    Q_OBJECT
  public:
    explicit PredictDialog(QWidget* parent = nullptr);

    // The scans to predict, the project's runs to choose from and where to predict (this computer
    // or a remote host of the user's host settings, as in the Runs panel); refused while
    // predicting.
    bool setTask(const QString& engine, const QString& project, const QVector<qint64>& scanIds,
                 const QStringList& scanNames);
    // Starts the engine with the chosen run; false (and the reason in status()) when it cannot.
    bool predict();
    void cancel();
    bool isPredicting() const;
    QString status() const;
    int progressValue() const;
    // What the dialog's choices ask of the engine now.
    PredictionRequest request() const;
    QComboBox* runChoice() const { return runs_; }
    QComboBox* whereChoice() const { return where_; }
    QComboBox* deviceChoice() const { return device_; }
    QPushButton* predictButton() const { return predictButton_; }
    QPushButton* cancelButton() const { return cancelButton_; }

  Q_SIGNALS:
    void scanPredicted(qint64 scanId, qint64 labelVersionId);
    void predictionFinished(bool ok);

  private:
    void showProgress(int done, int total);
    void onFinished(bool ok);
    void updateButtons();

    PredictionJob* job_;
    QString engine_;
    QString project_;
    QVector<qint64> scanIds_;
    QVector<PredictableRun> choices_;
    QVector<RemoteHost> hosts_;
    QLabel* scans_;
    QComboBox* runs_;
    QComboBox* where_;
    QComboBox* device_;
    QProgressBar* progress_;
    QLabel* status_;
    QPushButton* predictButton_;
    QPushButton* cancelButton_;
};

}  // namespace views
}  // namespace logonet
