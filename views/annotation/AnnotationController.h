#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <memory>

#include "annotation/LabelEditSession.h"
#include "annotation/PolygonOutline.h"
#include "common/VoxelIndex.h"
#include "editing/BrushTool.h"

class QAction;

namespace logonet {
namespace views {

class AnnotationSettings;
class SliceView;

// Connects slice views in edit mode to the label editing session: mouse events become brush
// strokes, fills and polygons on the label volume (each one undo step, journaled when a journal
// is set), Ctrl+Z / Ctrl+Shift+Z undo and redo, and every change is announced with the region to
// redraw. Ctrl-click on a voxel makes its label the active one; the right button erases with the
// brush and closes a polygon.
class AnnotationController : public QObject {
    Q_OBJECT
  public:
    explicit AnnotationController(AnnotationSettings* settings, QObject* parent = nullptr);
    ~AnnotationController() override;

    LabelEditSession* session() const { return session_; }
    // See LabelEditSession.
    void setVolumes(LabelVolume* labels, const ImageVolume* image);
    void setLabelSet(const LabelSet& labels) { session_->setLabelSet(labels); }
    void setJournal(const QString& path) { session_->setJournal(path); }
    int recoverFromJournal(const QString& path) { return session_->recoverFromJournal(path); }
    void labelsSaved() { session_->labelsSaved(); }
    const LabelVolume* labels() const { return session_->labels(); }
    const LabelEditHistory& history() const { return session_->history(); }
    QStringList historyNames() const { return session_->historyNames(); }
    bool hasPreview() const { return session_->hasPreview(); }

    // Edit-mode mouse events of `view` drive the tools; its brush circle follows the settings.
    void attachView(SliceView* view);
    // Puts every attached view in edit mode (the tools act) or back in navigate mode.
    void setEditing(bool editing);

    QAction* undoAction() const { return undo_; }
    QAction* redoAction() const { return redo_; }

  public Q_SLOTS:
    void undo();
    void redo();
    // Shape-based interpolation of the active label along `axis`, shown as a preview.
    void interpolate(int axis);
    void acceptPreview() { session_->acceptPreview(); }
    void discardPreview() { session_->discardPreview(); }
    void removeIslands(qint64 minimumVoxels);
    void keepLargestComponent();
    void deleteActiveLabel();
    void mergeActiveLabelInto(int value);

  Q_SIGNALS:
    void labelsChanged(const logonet::views::VoxelBox& region);
    void historyChanged();
    void activeLabelPicked(int value);
    void failed(const QString& message);

  private:
    void pressed(SliceView* view, const VoxelIndex& voxel, Qt::MouseButtons buttons,
                 Qt::KeyboardModifiers modifiers);
    void dragged(SliceView* view, const VoxelIndex& voxel);
    void released(SliceView* view, const VoxelIndex& voxel, Qt::MouseButtons buttons);
    void startBrush(SliceView* view, const VoxelIndex& voxel, bool erase);
    void finishStroke();
    void closePolygon(SliceView* view);
    void updateBrushCircles();

    AnnotationSettings* settings_;
    LabelEditSession* session_;
    std::unique_ptr<BrushTool> brush_;
    std::vector<SliceView*> views_;
    VoxelIndex lastVoxel_{0, 0, 0};
    PolygonOutline polygon_;
    QAction* undo_;
    QAction* redo_;
};

}  // namespace views
}  // namespace logonet
