#include "annotation/AnnotationController.h"

#include <QAction>
#include <QKeySequence>
#include <algorithm>
#include <exception>

#include "annotation/AnnotationSettings.h"
#include "editing/ConnectedComponents.h"
#include "editing/LabelOperations.h"
#include "editing/RegionFill.h"
#include "slices/SliceView.h"

namespace logonet {
namespace views {

AnnotationController::AnnotationController(AnnotationSettings* settings, QObject* parent)
    : QObject(parent), settings_(settings), session_(new LabelEditSession(this)) {
    undo_ = new QAction(tr("Undo"), this);
    undo_->setShortcut(QKeySequence::Undo);
    redo_ = new QAction(tr("Redo"), this);
    // Not QKeySequence::Redo: on Linux it already holds Ctrl+Shift+Z, and a key bound twice is
    // ambiguous and triggers nothing.
    redo_->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    connect(undo_, &QAction::triggered, this, &AnnotationController::undo);
    connect(redo_, &QAction::triggered, this, &AnnotationController::redo);
    connect(session_, &LabelEditSession::labelsChanged, this, &AnnotationController::labelsChanged);
    connect(session_, &LabelEditSession::historyChanged, this,
            &AnnotationController::historyChanged);
    connect(session_, &LabelEditSession::failed, this, &AnnotationController::failed);
    connect(session_, &LabelEditSession::historyChanged, this, [this] {
        undo_->setEnabled(session_->history().canUndo() || session_->hasPreview());
        redo_->setEnabled(session_->history().canRedo() && !session_->hasPreview());
    });
    connect(settings_, &AnnotationSettings::changed, this,
            &AnnotationController::updateBrushCircles);
    undo_->setEnabled(false);
    redo_->setEnabled(false);
}

AnnotationController::~AnnotationController() = default;

void AnnotationController::setVolumes(LabelVolume* labels, const ImageVolume* image) {
    brush_.reset();
    polygon_.clear();
    session_->setVolumes(labels, image);
    updateBrushCircles();
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

void AnnotationController::pressed(SliceView* view, const VoxelIndex& voxel,
                                   Qt::MouseButtons buttons, Qt::KeyboardModifiers modifiers) {
    LabelVolume* labels = session_->labels();
    if (labels == nullptr) {
        return;
    }
    if (modifiers & Qt::ControlModifier) {
        const LabelValue picked = labels->at(voxel[0], voxel[1], voxel[2]);
        if (picked != 0) {
            settings_->setActiveLabel(picked);
            Q_EMIT activeLabelPicked(picked);
        }
        return;
    }
    finishStroke();  // a release outside every view never arrived
    const LabelValue active = settings_->activeLabel();
    const int axis = view->plane().normalAxis;
    switch (settings_->tool()) {
        case AnnotationSettings::Tool::Brush:
        case AnnotationSettings::Tool::Eraser:
            // The right button erases with the brush, as in ITK-SNAP.
            startBrush(view, voxel,
                       settings_->tool() == AnnotationSettings::Tool::Eraser ||
                           (buttons & Qt::RightButton));
            break;
        case AnnotationSettings::Tool::Fill: {
            FillOptions options;
            options.slice = !settings_->fillIn3D();
            options.axis = axis;
            options.tolerance = settings_->fillTolerance();
            session_->runStep(
                tr("Fill (%1)").arg(session_->labelName(active)), settings_->rule(),
                [&](LabelEditor& editor) { RegionFill::fill(editor, voxel, active, options); });
            break;
        }
        case AnnotationSettings::Tool::Polygon:
            if (buttons & Qt::RightButton) {
                closePolygon(view);
            } else {
                polygon_.add(view, axis, voxel, false);
            }
            break;
    }
}

void AnnotationController::startBrush(SliceView* view, const VoxelIndex& voxel, bool erase) {
    const LabelValue active = settings_->activeLabel();
    BrushOptions options = settings_->brush();
    options.axis = view->plane().normalAxis;
    const QString name = (erase ? tr("Eraser stroke (%1)") : tr("Brush stroke (%1)"))
                             .arg(session_->labelName(active));
    if (!session_->beginStroke(name, settings_->rule())) {
        return;
    }
    try {
        brush_ = std::make_unique<BrushTool>(*session_->editor(), options, erase ? 0 : active);
    } catch (const std::exception& error) {
        session_->editor()->cancelStroke();
        Q_EMIT failed(QString::fromStdString(error.what()));
        return;
    }
    brush_->dab(voxel);
    lastVoxel_ = voxel;
    session_->announce();
}

void AnnotationController::dragged(SliceView* view, const VoxelIndex& voxel) {
    if (brush_ && session_->editor() != nullptr && session_->editor()->inStroke()) {
        brush_->drag(lastVoxel_, voxel);
        lastVoxel_ = voxel;
        session_->announce();
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

void AnnotationController::finishStroke() {
    brush_.reset();
    session_->finishStroke();
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
    session_->runStep((erase ? tr("Polygon erase (%1)") : tr("Polygon fill (%1)"))
                          .arg(session_->labelName(active)),
                      settings_->rule(), [&](LabelEditor& editor) {
                          PolygonFill::fill(editor, plane, outline, erase ? 0 : active);
                      });
}

void AnnotationController::undo() {
    finishStroke();
    session_->undo();
}

void AnnotationController::redo() {
    finishStroke();
    session_->redo();
}

void AnnotationController::interpolate(int axis) {
    finishStroke();
    session_->interpolate(settings_->activeLabel(), axis, settings_->rule());
}

// Whole-label commands use their own rules (see core/editing), whatever the brush's rule.
void AnnotationController::removeIslands(qint64 minimumVoxels) {
    const LabelValue active = settings_->activeLabel();
    session_->runStep(tr("Remove islands under %1 voxels (%2)")
                          .arg(minimumVoxels)
                          .arg(session_->labelName(active)),
                      DrawOverRule::everything(), [&](LabelEditor& editor) {
                          ConnectedComponents::removeSmallerThan(editor, active, minimumVoxels);
                      });
}

void AnnotationController::keepLargestComponent() {
    const LabelValue active = settings_->activeLabel();
    session_->runStep(
        tr("Keep largest piece (%1)").arg(session_->labelName(active)), DrawOverRule::everything(),
        [&](LabelEditor& editor) { ConnectedComponents::keepLargest(editor, active); });
}

void AnnotationController::deleteActiveLabel() {
    const LabelValue active = settings_->activeLabel();
    session_->runStep(tr("Delete voxels (%1)").arg(session_->labelName(active)),
                      DrawOverRule::everything(),
                      [&](LabelEditor& editor) { LabelOperations::erase(editor, active); });
}

void AnnotationController::mergeActiveLabelInto(int value) {
    const LabelValue active = settings_->activeLabel();
    const LabelValue into = static_cast<LabelValue>(value);
    session_->runStep(
        tr("Merge %1 into %2").arg(session_->labelName(active), session_->labelName(into)),
        DrawOverRule::everything(),
        [&](LabelEditor& editor) { LabelOperations::merge(editor, active, into); });
}

void AnnotationController::updateBrushCircles() {
    const bool brushing = settings_->tool() == AnnotationSettings::Tool::Brush ||
                          settings_->tool() == AnnotationSettings::Tool::Eraser;
    double millimetres = settings_->brush().radius;
    const LabelVolume* labels = session_->labels();
    if (settings_->brush().unit == BrushOptions::Unit::Voxels && labels != nullptr) {
        const Vec3& spacing = labels->geometry().spacing;
        millimetres *= std::min({spacing[0], spacing[1], spacing[2]});
    }
    const DrawOverRule& rule = settings_->rule();
    for (SliceView* view : views_) {
        // A radius-0 brush still paints one voxel: show a circle of half a voxel for it.
        view->setBrushRadius(brushing ? std::max(millimetres, 0.5) : 0.0);
        view->setIntensityRangeHint(brushing && rule.limitIntensity, rule.intensityLow,
                                    rule.intensityHigh);
    }
}

}  // namespace views
}  // namespace logonet
