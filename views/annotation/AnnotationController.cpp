#include "annotation/AnnotationController.h"

#include <QAction>
#include <QKeySequence>
#include <algorithm>
#include <exception>

#include "annotation/AnnotationSettings.h"
#include "editing/ConnectedComponents.h"
#include "editing/LabelOperations.h"
#include "editing/RegionFill.h"
#include "editing/ShapeInterpolation.h"
#include "journal/EditJournal.h"
#include "slices/SliceView.h"

namespace logonet {
namespace views {

AnnotationController::AnnotationController(AnnotationSettings* settings, QObject* parent)
    : QObject(parent), settings_(settings) {
    undo_ = new QAction(tr("Undo"), this);
    undo_->setShortcut(QKeySequence::Undo);
    redo_ = new QAction(tr("Redo"), this);
    // Not QKeySequence::Redo: on Linux it already holds Ctrl+Shift+Z, and a key bound twice is
    // ambiguous and triggers nothing.
    redo_->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    connect(undo_, &QAction::triggered, this, &AnnotationController::undo);
    connect(redo_, &QAction::triggered, this, &AnnotationController::redo);
    connect(this, &AnnotationController::historyChanged, this, [this] {
        undo_->setEnabled(history_.canUndo() || preview_.has_value());
        redo_->setEnabled(history_.canRedo() && !preview_.has_value());
    });
    connect(settings_, &AnnotationSettings::changed, this,
            &AnnotationController::updateBrushCircles);
    undo_->setEnabled(false);
    redo_->setEnabled(false);
}

AnnotationController::~AnnotationController() = default;

void AnnotationController::setVolumes(LabelVolume* labels, const ImageVolume* image) {
    if (editor_ && editor_->inStroke()) {
        editor_->cancelStroke();
    }
    brush_.reset();
    editor_.reset();
    labels_ = labels;
    image_ = image;
    if (labels_ != nullptr) {
        editor_ = image_ != nullptr ? std::make_unique<LabelEditor>(*labels_, *image_)
                                    : std::make_unique<LabelEditor>(*labels_);
    }
    history_.clear();
    preview_.reset();
    polygon_.clear();
    updateBrushCircles();
    Q_EMIT historyChanged();
}

void AnnotationController::setJournal(const QString& path) {
    journal_.reset();
    if (!path.isEmpty() && labels_ != nullptr) {
        journal_ = std::make_unique<EditJournal>(path.toStdString(), labels_->size());
    }
}

int AnnotationController::recoverFromJournal(const QString& path) {
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

void AnnotationController::labelsSaved() {
    if (journal_) {
        try {
            journal_->clear();
        } catch (const std::exception& error) {
            Q_EMIT failed(QString::fromStdString(error.what()));
        }
    }
}

void AnnotationController::attachView(SliceView* view) {
    views_.push_back(view);
    connect(view, &SliceView::voxelPressed, this,
            [this, view](int x, int y, int z, Qt::MouseButtons buttons,
                         Qt::KeyboardModifiers modifiers) {
                pressed(view, {x, y, z}, buttons, modifiers);
            });
    connect(view, &SliceView::voxelDragged, this,
            [this, view](int x, int y, int z, Qt::MouseButtons, Qt::KeyboardModifiers) {
                dragged(view, {x, y, z});
            });
    connect(view, &SliceView::voxelReleased, this,
            [this, view](int x, int y, int z, Qt::MouseButtons buttons, Qt::KeyboardModifiers) {
                released(view, {x, y, z}, buttons);
            });
    connect(this, &AnnotationController::labelsChanged, view, &SliceView::labelsChanged);
    connect(view, &QObject::destroyed, this, [this, view] {
        views_.erase(std::remove(views_.begin(), views_.end(), view), views_.end());
        if (polygon_.belongsTo(view)) {
            polygon_.clear();
        }
    });
    updateBrushCircles();
}

void AnnotationController::setEditing(bool editing) {
    for (SliceView* view : views_) {
        view->setInteractionMode(editing ? SliceView::InteractionMode::Edit
                                         : SliceView::InteractionMode::Navigate);
    }
    if (!editing) {
        finishStroke();
    }
}

QString AnnotationController::labelName(LabelValue value) const {
    return QString::fromStdString(labelSet_.nameOf(value));
}

QStringList AnnotationController::historyNames() const {
    QStringList names;
    for (const std::string& name : history_.names()) {
        names << QString::fromStdString(name);
    }
    return names;
}

void AnnotationController::pressed(SliceView* view, const VoxelIndex& voxel,
                                   Qt::MouseButtons buttons, Qt::KeyboardModifiers modifiers) {
    if (!editor_) {
        return;
    }
    if (modifiers & Qt::ControlModifier) {
        const LabelValue picked = labels_->at(voxel[0], voxel[1], voxel[2]);
        if (picked != 0) {
            settings_->setActiveLabel(picked);
            Q_EMIT activeLabelPicked(picked);
        }
        return;
    }
    finishStroke();  // a release outside every view never arrived
    if (preview_) {
        acceptPreview();  // editing on keeps the interpolation
    }
    const LabelValue active = settings_->activeLabel();
    const int axis = view->plane().normalAxis;
    switch (settings_->tool()) {
        case AnnotationSettings::Tool::Brush:
        case AnnotationSettings::Tool::Eraser: {
            // The right button erases with the brush, as in ITK-SNAP.
            const bool erase = settings_->tool() == AnnotationSettings::Tool::Eraser ||
                               (buttons & Qt::RightButton);
            BrushOptions options = settings_->brush();
            options.axis = axis;
            try {
                brush_ = std::make_unique<BrushTool>(*editor_, options, erase ? 0 : active);
            } catch (const std::exception& error) {
                Q_EMIT failed(QString::fromStdString(error.what()));
                return;
            }
            if (!beginStroke((erase ? tr("Eraser stroke (%1)") : tr("Brush stroke (%1)"))
                                 .arg(labelName(active)))) {
                brush_.reset();
                return;
            }
            brush_->dab(voxel);
            lastVoxel_ = voxel;
            announce();
            break;
        }
        case AnnotationSettings::Tool::Fill: {
            FillOptions options;
            options.slice = !settings_->fillIn3D();
            options.axis = axis;
            options.tolerance = settings_->fillTolerance();
            runStep(tr("Fill (%1)").arg(labelName(active)),
                    [&] { RegionFill::fill(*editor_, voxel, active, options); });
            break;
        }
        case AnnotationSettings::Tool::Polygon:
            if (buttons & Qt::RightButton) {
                closePolygon(view);
                return;
            }
            polygon_.add(view, axis, voxel, false);
            break;
    }
}

void AnnotationController::dragged(SliceView* view, const VoxelIndex& voxel) {
    if (brush_ && editor_ && editor_->inStroke()) {
        brush_->drag(lastVoxel_, voxel);
        lastVoxel_ = voxel;
        announce();
    } else if (settings_->tool() == AnnotationSettings::Tool::Polygon && polygon_.belongsTo(view)) {
        polygon_.add(view, view->plane().normalAxis, voxel, true);
    }
}

void AnnotationController::released(SliceView* view, const VoxelIndex& voxel,
                                    Qt::MouseButtons buttons) {
    if (brush_) {
        dragged(view, voxel);
        finishStroke();
    } else if (settings_->tool() == AnnotationSettings::Tool::Polygon && polygon_.isLasso() &&
               polygon_.points().size() >= 3 && (buttons & Qt::LeftButton)) {
        // A lasso closes when the button comes up; a click that slipped a voxel stays a vertex.
        closePolygon(view);
    }
}

void AnnotationController::closePolygon(SliceView* view) {
    if (!polygon_.belongsTo(view) || polygon_.points().size() < 3) {
        polygon_.clear();
        return;
    }
    const logonet::SlicePlane plane = polygon_.plane();
    const std::vector<SlicePoint> outline = polygon_.points();
    polygon_.clear();
    const bool erase = settings_->polygonErases();
    const LabelValue active = settings_->activeLabel();
    runStep((erase ? tr("Polygon erase (%1)") : tr("Polygon fill (%1)")).arg(labelName(active)),
            [&] { PolygonFill::fill(*editor_, plane, outline, erase ? 0 : active); });
}

bool AnnotationController::beginStroke(const QString& name) {
    try {
        editor_->setRule(settings_->rule());
    } catch (const std::exception& error) {
        Q_EMIT failed(QString::fromStdString(error.what()));
        return false;
    }
    editor_->beginStroke();
    strokeName_ = name;
    return true;
}

void AnnotationController::finishStroke() {
    brush_.reset();
    if (!editor_ || !editor_->inStroke()) {
        return;
    }
    if (history_.push(strokeName_.toStdString(), editor_->endStroke())) {
        record(*history_.nextUndo(), true);
        Q_EMIT historyChanged();
    }
    announce();
}

template <typename Edit>
void AnnotationController::runStep(const QString& name, Edit&& edit) {
    if (!editor_) {
        return;
    }
    finishStroke();
    if (!beginStroke(name)) {
        return;
    }
    try {
        edit();
    } catch (const std::exception& error) {
        editor_->cancelStroke();
        announce();
        Q_EMIT failed(QString::fromStdString(error.what()));
        return;
    }
    finishStroke();
}

void AnnotationController::record(const LabelEditStep& step, bool applied) {
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

void AnnotationController::announce() {
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

void AnnotationController::undo() {
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

void AnnotationController::redo() {
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

void AnnotationController::interpolate(int axis) {
    if (!editor_) {
        return;
    }
    finishStroke();
    if (preview_) {
        discardPreview();
    }
    const LabelValue active = settings_->activeLabel();
    try {
        editor_->setRule(settings_->rule());
        LabelDelta delta = ShapeInterpolation::preview(*editor_, active, axis);
        if (!delta.empty()) {
            preview_ = std::move(delta);
            previewName_ = tr("Interpolation (%1)").arg(labelName(active));
        }
    } catch (const std::exception& error) {
        Q_EMIT failed(QString::fromStdString(error.what()));
    }
    announce();
    Q_EMIT historyChanged();
}

void AnnotationController::acceptPreview() {
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

void AnnotationController::discardPreview() {
    if (!preview_) {
        return;
    }
    preview_->revert(*labels_);
    editor_->markDirty(preview_->region());
    preview_.reset();
    announce();
    Q_EMIT historyChanged();
}

void AnnotationController::removeIslands(qint64 minimumVoxels) {
    const LabelValue active = settings_->activeLabel();
    runStep(tr("Remove islands under %1 voxels (%2)").arg(minimumVoxels).arg(labelName(active)),
            [&] { ConnectedComponents::removeSmallerThan(*editor_, active, minimumVoxels); });
}

void AnnotationController::keepLargestComponent() {
    const LabelValue active = settings_->activeLabel();
    runStep(tr("Keep largest piece (%1)").arg(labelName(active)),
            [&] { ConnectedComponents::keepLargest(*editor_, active); });
}

void AnnotationController::deleteActiveLabel() {
    const LabelValue active = settings_->activeLabel();
    runStep(tr("Delete voxels (%1)").arg(labelName(active)),
            [&] { LabelOperations::erase(*editor_, active); });
}

void AnnotationController::mergeActiveLabelInto(int value) {
    const LabelValue active = settings_->activeLabel();
    const LabelValue into = static_cast<LabelValue>(value);
    runStep(tr("Merge %1 into %2").arg(labelName(active), labelName(into)),
            [&] { LabelOperations::merge(*editor_, active, into); });
}

void AnnotationController::updateBrushCircles() {
    const bool brushing = settings_->tool() == AnnotationSettings::Tool::Brush ||
                          settings_->tool() == AnnotationSettings::Tool::Eraser;
    double millimetres = settings_->brush().radius;
    if (settings_->brush().unit == BrushOptions::Unit::Voxels && labels_ != nullptr) {
        const Vec3& spacing = labels_->geometry().spacing;
        millimetres *= std::min({spacing[0], spacing[1], spacing[2]});
    }
    for (SliceView* view : views_) {
        // A radius-0 brush still paints one voxel: show a circle of half a voxel for it.
        view->setBrushRadius(brushing ? std::max(millimetres, 0.5) : 0.0);
    }
}

}  // namespace views
}  // namespace logonet
