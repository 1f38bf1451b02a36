#pragma once

#include <QObject>
#include <QString>
#include <QVector>
#include <functional>

class QAction;

namespace logonet {

class Project;

namespace views {

class MainWindow;

// The scan table's context-menu actions for curating a project after import: set the split or
// the modality of the selected scans, attach a label file to the scan (its grid checked against
// the scan's), remove scans (after asking), and assign the project to k cross-validation folds.
// They write through the window's open project with the same storage code as `logonet scan ...`
// and `logonet split`. Questions and file choosers are window-modal but not blocking, so the
// window stays live (and tests can answer them).
class ScanActions : public QObject {
    Q_OBJECT
  public:
    explicit ScanActions(MainWindow* window);

    QAction* splitAction(const QString& split) const;        // "train", "val", "test"
    QAction* modalityAction(const QString& modality) const;  // "CT", "MR"
    QAction* attachLabelsAction() const { return attachLabels_; }
    QAction* removeAction() const { return remove_; }
    QAction* foldsAction() const { return folds_; }

    // What the actions do once answered; false (with lastError() set and shown) on failure.
    bool setSplit(const QVector<qint64>& scanIds, const QString& split);
    bool setModality(const QVector<qint64>& scanIds, const QString& modality);
    bool attachLabelFile(qint64 scanId, const QString& file);
    bool removeScans(const QVector<qint64>& scanIds);
    bool assignFolds(int folds);
    const QString& lastError() const { return lastError_; }

  private:
    QVector<qint64> selectedScans() const;
    void askToRemove();
    void chooseLabelFile();
    void askForFolds();
    void fail(const QString& title, const QString& message);
    // Applies `change` to every scan in one transaction; on failure shows `failure` and the error.
    bool changeScans(const QVector<qint64>& scanIds, const QString& failure,
                     const std::function<void(Project&, int64_t)>& change);
    // Shows the project's scans again with these rows still selected.
    void reloadKeeping(const QVector<qint64>& selected);

    MainWindow* window_;
    QAction* splitMenu_;
    QAction* modalityMenu_;
    QAction* attachLabels_;
    QAction* remove_;
    QAction* folds_;
    QString lastError_;
};

}  // namespace views
}  // namespace logonet
