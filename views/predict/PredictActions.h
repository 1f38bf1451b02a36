#pragma once

#include <QObject>
#include <QVector>

class QAction;

namespace logonet {
namespace views {

class ExportLabelsDialog;
class MainWindow;
class PredictDialog;

// The daily loop's actions on the main window: predict the scan shown or the scans selected
// (scan table context menu and the Prediction toolbar), show each prediction as it arrives,
// correct it, and export the selected scans' label maps. The project and the engine are the
// Runs panel's, so a prediction runs where and how the window's runs do.
class PredictActions : public QObject {
    Q_OBJECT
  public:
    explicit PredictActions(MainWindow* window);

    QAction* predictScanAction() const { return predictScan_; }
    QAction* predictSelectedAction() const { return predictSelected_; }
    QAction* correctAction() const { return correct_; }
    QAction* exportSelectedAction() const { return exportSelected_; }
    PredictDialog* predictDialog() const { return predictDialog_; }
    ExportLabelsDialog* exportDialog() const { return exportDialog_; }

    // The scans selected in the scan table, in table order.
    QVector<qint64> selectedScans() const;
    // Opens the Predict dialog for these scans; false without a project or scans.
    bool predict(const QVector<qint64>& scanIds);
    bool exportLabels(const QVector<qint64>& scanIds);

  private:
    void showPrediction(qint64 scanId, qint64 versionId);
    QString projectDirectory() const;
    QString engine() const;

    MainWindow* window_;
    PredictDialog* predictDialog_;
    ExportLabelsDialog* exportDialog_;
    QAction* predictScan_;
    QAction* predictSelected_;
    QAction* correct_;
    QAction* exportSelected_;
    int scansAsked_ = 0;
    QString predictedProject_;  // the project the prediction in progress writes to
};

}  // namespace views
}  // namespace logonet
