#include "annotation/LabelEditSession.h"

#include <exception>

#include "editing/ShapeInterpolation.h"
#include "journal/EditJournal.h"

namespace logonet {
namespace views {

LabelEditSession::LabelEditSession(QObject* parent) : QObject(parent) {}

LabelEditSession::~LabelEditSession() = default;

void LabelEditSession::setVolumes(LabelVolume* labels, const ImageVolume* image) {
    if (editor_ && editor_->inStroke()) {
        editor_->cancelStroke();
    }
    editor_.reset();
    journal_.reset();
    labels_ = labels;
    image_ = image;
    if (labels_ != nullptr) {
        editor_ = image_ != nullptr ? std::make_unique<LabelEditor>(*labels_, *image_)
                                    : std::make_unique<LabelEditor>(*labels_);
    }
    history_.clear();
    preview_.reset();
    Q_EMIT historyChanged();
}

QString LabelEditSession::labelName(LabelValue value) const {
    return QString::fromStdString(labelSet_.nameOf(value));
}

void LabelEditSession::setJournal(const QString& path) {
    journal_.reset();
    if (!path.isEmpty() && labels_ != nullptr) {
        journal_ = std::make_unique<EditJournal>(path.toStdString(), labels_->size());
    }
}

int LabelEditSession::recoverFromJournal(const QString& path) {
    if (labels_ == nullptr) {
        return 0;
    }
    journal_.reset();
    const EditJournal::Contents contents = EditJournal::replay(path.toStdString(), *labels_);
    setJournal(path);
    if (!contents.entries.empty()) {
        VoxelBox everything;
        everything.lo = {0, 0, 0};
        everything.hi = {labels_->size()[0] - 1, labels_->size()[1] - 1, labels_->size()[2] - 1};
        Q_EMIT labelsChanged(everything);
    }
    return static_cast<int>(contents.entries.size());
}

void LabelEditSession::labelsSaved() {
    if (!journal_) {
        return;
    }
    try {
        journal_->clear();
    } catch (const std::exception& error) {
        Q_EMIT failed(QString::fromStdString(error.what()));
    }
}

QStringList LabelEditSession::historyNames() const {
    QStringList names;
    for (const std::string& name : history_.names()) {
        names << QString::fromStdString(name);
    }
    return names;
}

bool LabelEditSession::beginStroke(const QString& name, const DrawOverRule& rule) {
    if (!editor_) {
        return false;
    }
    finishStroke();
    if (preview_) {
        acceptPreview();  // editing on keeps the interpolation
    }
    try {
        editor_->setRule(rule);
    } catch (const std::exception& error) {
        Q_EMIT failed(QString::fromStdString(error.what()));
        return false;
    }
    editor_->beginStroke();
    strokeName_ = name;
    return true;
}

void LabelEditSession::finishStroke() {
    if (!editor_ || !editor_->inStroke()) {
        return;
    }
    if (history_.push(strokeName_.toStdString(), editor_->endStroke())) {
        record(*history_.nextUndo(), true);
        Q_EMIT historyChanged();
    }
    announce();
}

void LabelEditSession::runStep(const QString& name, const DrawOverRule& rule,
                               const std::function<void(LabelEditor&)>& edit) {
    if (!beginStroke(name, rule)) {
        return;
    }
    try {
        edit(*editor_);
    } catch (const std::exception& error) {
        editor_->cancelStroke();
        announce();
        Q_EMIT failed(QString::fromStdString(error.what()));
        return;
    }
    finishStroke();
}

void LabelEditSession::record(const LabelEditStep& step, bool applied) {
    if (!journal_) {
        return;
    }
    try {
        if (applied) {
            journal_->recordApplied(step.name, step.delta);
        } else {
            journal_->recordReverted(step.name, step.delta);
        }
    } catch (const std::exception& error) {
        Q_EMIT failed(tr("Autosave failed: %1").arg(QString::fromStdString(error.what())));
    }
}

void LabelEditSession::announce() {
    if (!editor_) {
        return;
    }
    const logonet::VoxelBox box = editor_->takeDirtyRegion();
    if (!box.empty()) {
        VoxelBox region;
        region.lo = box.lo;
        region.hi = box.hi;
        Q_EMIT labelsChanged(region);
    }
}

void LabelEditSession::undo() {
    if (!editor_) {
        return;
    }
    finishStroke();
    if (preview_) {
        discardPreview();
        return;
    }
    if (const LabelEditStep* step = history_.undo(*labels_)) {
        record(*step, false);
        editor_->markDirty(step->delta.region());
        announce();
        Q_EMIT historyChanged();
    }
}

void LabelEditSession::redo() {
    if (!editor_ || preview_) {
        return;
    }
    finishStroke();
    if (const LabelEditStep* step = history_.redo(*labels_)) {
        record(*step, true);
        editor_->markDirty(step->delta.region());
        announce();
        Q_EMIT historyChanged();
    }
}

void LabelEditSession::interpolate(LabelValue label, int axis, const DrawOverRule& rule) {
    if (!editor_) {
        return;
    }
    finishStroke();
    discardPreview();
    try {
        editor_->setRule(rule);
        LabelDelta delta = ShapeInterpolation::preview(*editor_, label, axis);
        if (!delta.empty()) {
            preview_ = std::move(delta);
            previewName_ = tr("Interpolation (%1)").arg(labelName(label));
        }
    } catch (const std::exception& error) {
        Q_EMIT failed(QString::fromStdString(error.what()));
    }
    announce();
    Q_EMIT historyChanged();
}

void LabelEditSession::acceptPreview() {
    if (!preview_) {
        return;
    }
    LabelDelta delta = std::move(*preview_);
    preview_.reset();
    if (history_.push(previewName_.toStdString(), std::move(delta))) {
        record(*history_.nextUndo(), true);
    }
    Q_EMIT historyChanged();
}

void LabelEditSession::discardPreview() {
    if (!preview_) {
        return;
    }
    preview_->revert(*labels_);
    editor_->markDirty(preview_->region());
    preview_.reset();
    announce();
    Q_EMIT historyChanged();
}

}  // namespace views
}  // namespace logonet
