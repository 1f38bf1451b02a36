#pragma once

#include <QMainWindow>
#include <memory>
#include <optional>

#include "common/VoxelIndex.h"
#include "labels/LabelSet.h"
#include "slices/SlicePlane.h"
#include "volume/Volume.h"

class QAction;
class QCloseEvent;
class QCheckBox;
class QComboBox;
class QLabel;
class QMenu;
class QProgressBar;
class QPushButton;

namespace logonet {
class Project;
}

namespace logonet {
namespace views {

class AnnotationController;
class AnnotationPanel;
class ClusterBrowser;
class IntensityWindow;
class LabelVersionSelector;
class LabelOverlayPanel;
class MaskedSequencesPanel;
class MeshBuildTask;
class OverlaySettings;
class ReviewStatusBar;
class ReviewView;
class ScanBrowser;
class SliceCursor;
class SliceView;
class VolumeView3D;

// The workstation window: scan browser, three linked slice views, the 3D view, overlay controls
// and the File/View/Help menus. Errors from the project and io layers end here and are shown in a
// dialog (or, with quiet errors, written to stderr) naming the file and the problem.
class MainWindow : public QMainWindow {
    Q_OBJECT
  public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    bool openProject(const QString& dir);
    bool createProject(const QString& dir);
    bool showScan(qint64 scanId);
    bool exportMask(const QString& file);
    // Errors go to stderr instead of a modal dialog (for --screenshot runs and tests).
    void setQuietErrors(bool quiet) { quietErrors_ = quiet; }
    const QString& lastError() const { return lastError_; }

    // The parts, for the application's --screenshot run and for tests.
    SliceView* sliceView(SliceOrientation orientation) const;
    VolumeView3D* volumeView() const { return volumeView_; }
    ScanBrowser* browser() const { return browser_; }
    OverlaySettings* overlaySettings() const { return overlay_; }
    LabelOverlayPanel* overlayPanel() const { return overlayPanel_; }
    SliceCursor* cursor() const { return cursor_; }
    IntensityWindow* intensityWindow() const { return window_; }
    MeshBuildTask* meshTask() const { return meshTask_; }
    QLabel* readout() const { return readout_; }
    const ImageVolume& image() const { return image_; }
    const LabelVolume* labels() const { return hasLabels_ ? &labels_ : nullptr; }
    std::optional<qint64> currentScan() const { return scanId_; }
    // The open project (null when none), for the scan table's actions, which write through it
    // and then call reloadScans() to show what they changed.
    Project* project() const { return project_.get(); }
    void reloadScans() { refreshScans(); }

    // For editing tools: the label volume the views show (null when the scan has none). A tool
    // writes into it and then calls labelsEdited() with the voxels it touched.
    LabelVolume* editableLabels() { return hasLabels_ ? &labels_ : nullptr; }
    void labelsEdited(const VoxelBox& region);

    // Annotation (MainWindowAnnotation.cpp). The shown label version, empty for an unlabeled
    // scan; a prediction is read-only until "Correct this prediction" copies it.
    std::optional<qint64> currentVersion() const { return versionId_; }
    bool selectLabelVersion(qint64 versionId);
    // Ctrl+S: stores the edited map as a new correction (a first ground truth for an unlabeled
    // scan) and empties the journal.
    bool saveLabels();
    bool correctPrediction(qint64 predictionId);
    // Stores an edited label set in the project and shows it everywhere (the Label set dialog).
    bool applyLabelSet(const LabelSet& labels);
    bool hasUnsavedEdits() const { return unsavedEdits_; }
    AnnotationController* annotation() const { return annotation_; }
    AnnotationPanel* annotationPanel() const { return annotationPanel_; }
    LabelVersionSelector* versionSelector() const { return versionSelector_; }
    QAction* editAction() const { return editAction_; }
    QAction* saveLabelsAction() const { return saveLabelsAction_; }

    // QA review (MainWindowReview.cpp): the Review dock compares two label versions of the shown
    // scan. reviewCase opens a run's case from the review table: its scan, its prediction
    // against the current labels, the organ, and the slice of the largest error.
    bool reviewCase(const QString& run, const QString& caseName, const QString& organ);
    bool reviewVersions(qint64 referenceId, qint64 comparedId);
    ReviewView* reviewView() const { return review_; }
    ReviewStatusBar* reviewStatus() const { return reviewStatus_; }

    // Pre-training panels (MainWindowPretraining.cpp), docks shown from the View menu.
    ClusterBrowser* clusterBrowser() const { return clusterBrowser_; }
    MaskedSequencesPanel* maskedSequences() const { return maskedSequences_; }

  Q_SIGNALS:
    void scanShown(qint64 scanId);
    void meshesReady(int count);

  private:
    void buildViews();
    void buildDocks();
    void buildMenus();
    void newProjectDialog();
    void openProjectDialog();
    void importDialog();
    void exportDialog();
    void showAbout();
    void rememberRecent(const QString& dir);
    void rebuildRecentMenu();
    void refreshScans();
    void applyPreset(int index);
    void showError(const QString& title, const QString& message);
    void startMeshes();
    void buildAnnotation();
    void closeEvent(QCloseEvent* event) override;
    // Asks what to do with unsaved edits; false when the user cancels.
    bool confirmUnsavedEdits();
    // Asks what to do with a run still going (keep it, stop it, or stay); false to stay.
    bool confirmLeavingRun();
    // Hands the shown labels to the tools, restoring journaled strokes after a crash.
    void startEditingSession();
    QString journalPath() const;
    void refreshVersions();
    void setEditing(bool on);
    void buildPretrainingPanels();
    void showPretrainingProject(const QString& directory);
    void buildReview();
    void refreshReviewChoices();

    std::unique_ptr<Project> project_;
    SliceCursor* cursor_;
    IntensityWindow* window_;
    OverlaySettings* overlay_;
    MeshBuildTask* meshTask_;
    SliceView* views_[3] = {nullptr, nullptr, nullptr};
    VolumeView3D* volumeView_ = nullptr;
    ScanBrowser* browser_ = nullptr;
    LabelOverlayPanel* overlayPanel_ = nullptr;
    QComboBox* presets_ = nullptr;
    QCheckBox* showVolume_ = nullptr;
    QLabel* readout_ = nullptr;
    QProgressBar* meshProgress_ = nullptr;
    QPushButton* meshCancel_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QAction* importAction_ = nullptr;
    QAction* exportAction_ = nullptr;
    AnnotationController* annotation_ = nullptr;
    AnnotationPanel* annotationPanel_ = nullptr;
    LabelVersionSelector* versionSelector_ = nullptr;
    QAction* editAction_ = nullptr;
    QAction* saveLabelsAction_ = nullptr;
    std::optional<qint64> versionId_;
    bool unsavedEdits_ = false;
    ClusterBrowser* clusterBrowser_ = nullptr;
    MaskedSequencesPanel* maskedSequences_ = nullptr;
    ReviewView* review_ = nullptr;
    ReviewStatusBar* reviewStatus_ = nullptr;
    QComboBox* reviewReference_ = nullptr;
    QComboBox* reviewCompared_ = nullptr;

    ImageVolume image_;
    LabelVolume labels_;
    bool hasLabels_ = false;
    std::optional<qint64> scanId_;
    bool quietErrors_ = false;
    QString lastError_;
};

}  // namespace views
}  // namespace logonet
