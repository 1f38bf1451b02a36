#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>
#include <vector>

#include "annotation/PolygonOutline.h"
#include "common/VoxelIndex.h"
#include "editing/BrushTool.h"
#include "editing/LabelEditHistory.h"
#include "editing/LabelEditor.h"
#include "editing/PolygonFill.h"
#include "labels/LabelSet.h"

class QAction;

namespace logonet {
class EditJournal;
}

namespace logonet {
namespace views {

class AnnotationSettings;
class SliceView;

// Connects slice views in edit mode to the label editing engine: mouse events become brush
// strokes, fills and polygons on the label volume (each one undo step, journaled when a journal
// is set), Ctrl+Z / Ctrl+Shift+Z undo and redo, and every change is announced with the region to
// redraw. Ctrl-click on a voxel makes its label the active one.
class AnnotationController : public QObject {
    Q_OBJECT
  public:
    explicit AnnotationController(AnnotationSettings* settings, QObject* parent = nullptr);
    ~AnnotationController() override;

    // The volumes stay owned by the caller; `image` may be null (no intensity limits then).
    // Replacing them clears the history. Throws std::invalid_argument when the grids differ.
    void setVolumes(LabelVolume* labels, const ImageVolume* image);
    void setLabelSet(const LabelSet& labels) { labelSet_ = labels; }
    // Journal every step to this file (see EditJournal); an empty path stops journaling.
    // Throws std::runtime_error when the journal cannot be opened.
    void setJournal(const QString& path);
    // After a crash: applies every complete step journaled at `path` to the labels, then goes on
    // journaling into the same file. Returns the number of steps restored (they are not in the
    // undo history). Throws std::runtime_error naming the file when it cannot be used.
    int recoverFromJournal(const QString& path);
    // The labels were saved to the project: the journal's steps are no longer needed.
    void labelsSaved();
    // Edit-mode mouse events of `view` drive the tools; its brush circle follows the settings.
    void attachView(SliceView* view);
    // Puts every attached view in edit mode (the tools act) or back in navigate mode.
    void setEditing(bool editing);

    const LabelVolume* labels() const { return labels_; }
    QAction* undoAction() const { return undo_; }
    QAction* redoAction() const { return redo_; }
    const LabelEditHistory& history() const { return history_; }
    QStringList historyNames() const;
    bool hasPreview() const { return preview_.has_value(); }

  public Q_SLOTS:
    void undo();
    void redo();
    // Shape-based interpolation of the active label along `axis`, shown as a preview.
    void interpolate(int axis);
    void acceptPreview();
    void discardPreview();
    void removeIslands(qint64 minimumVoxels);
    void keepLargestComponent();
    void deleteActiveLabel();
    void mergeActiveLabelInto(int value);

  Q_SIGNALS:
    void labelsChanged(const logonet::views::VoxelBox& region);
    void historyChanged();
    void activeLabelPicked(int value);
    // A failure the user should see (the journal cannot be written, ...).
    void failed(const QString& message);

  private:
    void pressed(SliceView* view, const VoxelIndex& voxel, Qt::MouseButtons buttons,
                 Qt::KeyboardModifiers modifiers);
    void dragged(SliceView* view, const VoxelIndex& voxel);
    void released(SliceView* view, const VoxelIndex& voxel, Qt::MouseButtons buttons);
    bool beginStroke(const QString& name);
    void finishStroke();
    void closePolygon(SliceView* view);
    // Runs a one-step edit; `edit` writes through the editor.
    template <typename Edit>
    void runStep(const QString& name, Edit&& edit);
    void record(const LabelEditStep& step, bool applied);
    void announce();
    void updateBrushCircles();
    QString labelName(LabelValue value) const;

    AnnotationSettings* settings_;
    LabelVolume* labels_ = nullptr;
    const ImageVolume* image_ = nullptr;
    std::unique_ptr<LabelEditor> editor_;
    std::unique_ptr<BrushTool> brush_;
    std::unique_ptr<EditJournal> journal_;
    LabelEditHistory history_;
    LabelSet labelSet_;
    std::vector<SliceView*> views_;
    QString strokeName_;
    VoxelIndex lastVoxel_{0, 0, 0};
    PolygonOutline polygon_;
    std::optional<LabelDelta> preview_;
    QString previewName_;
    QAction* undo_;
    QAction* redo_;
};

}  // namespace views
}  // namespace logonet
