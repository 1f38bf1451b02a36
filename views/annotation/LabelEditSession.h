#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>
#include <optional>

#include "common/VoxelIndex.h"
#include "editing/LabelEditHistory.h"
#include "editing/LabelEditor.h"
#include "labels/LabelSet.h"

namespace logonet {
class EditJournal;
}

namespace logonet {
namespace views {

// The editing state of one label volume in the workstation: the editor every tool writes
// through, the undo history, the autosave journal and a pending interpolation preview. Each
// committed step goes to the history and the journal, and every change is announced with the
// region views have to redraw.
class LabelEditSession : public QObject {
    Q_OBJECT
  public:
    explicit LabelEditSession(QObject* parent = nullptr);
    ~LabelEditSession() override;

    // The volumes stay owned by the caller; `image` may be null (no intensity limits then).
    // Replacing them clears the history. Throws std::invalid_argument when the grids differ.
    void setVolumes(LabelVolume* labels, const ImageVolume* image);
    LabelVolume* labels() const { return labels_; }
    LabelEditor* editor() const { return editor_.get(); }
    void setLabelSet(const LabelSet& labels) { labelSet_ = labels; }
    QString labelName(LabelValue value) const;

    // Journal every step to this file (see EditJournal); an empty path stops journaling.
    // Throws std::runtime_error when the journal cannot be opened.
    void setJournal(const QString& path);
    // After a crash: applies every complete step journaled at `path` to the labels, then goes on
    // journaling into the same file. Returns the number of steps restored (they are not in the
    // undo history). Throws std::runtime_error naming the file when it cannot be used.
    int recoverFromJournal(const QString& path);
    // The labels were saved to the project: the journal's steps are no longer needed.
    void labelsSaved();

    const LabelEditHistory& history() const { return history_; }
    QStringList historyNames() const;
    bool hasPreview() const { return preview_.has_value(); }

    // Opens a stroke under `rule`; false (and failed() emitted) when the rule cannot be used.
    bool beginStroke(const QString& name, const DrawOverRule& rule);
    // Ends the open stroke, if any: one history step, journaled.
    void finishStroke();
    // A one-step edit: `edit` writes through the editor; an exception cancels it.
    void runStep(const QString& name, const DrawOverRule& rule,
                 const std::function<void(LabelEditor&)>& edit);
    // Emits labelsChanged() for what the editor changed since the last call.
    void announce();

    void undo();
    void redo();
    // Shape-based interpolation of `label` along `axis`, shown until accepted or discarded.
    void interpolate(LabelValue label, int axis, const DrawOverRule& rule);
    void acceptPreview();
    void discardPreview();

  Q_SIGNALS:
    void labelsChanged(const logonet::views::VoxelBox& region);
    void historyChanged();
    // A failure the user should see (the journal cannot be written, ...).
    void failed(const QString& message);

  private:
    void record(const LabelEditStep& step, bool applied);

    LabelVolume* labels_ = nullptr;
    const ImageVolume* image_ = nullptr;
    std::unique_ptr<LabelEditor> editor_;
    std::unique_ptr<EditJournal> journal_;
    LabelEditHistory history_;
    LabelSet labelSet_;
    QString strokeName_;
    std::optional<LabelDelta> preview_;
    QString previewName_;
};

}  // namespace views
}  // namespace logonet
