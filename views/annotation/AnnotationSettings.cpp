#include "annotation/AnnotationSettings.h"

#include <algorithm>

namespace logonet {
namespace views {

void AnnotationSettings::setTool(Tool tool) {
    if (tool != tool_) {
        tool_ = tool;
        Q_EMIT changed();
    }
}

void AnnotationSettings::setBrush(const BrushOptions& brush) {
    brush_ = brush;
    Q_EMIT changed();
}

void AnnotationSettings::setBrushRadius(double radius) {
    brush_.radius = std::max(0.0, radius);
    Q_EMIT changed();
}

void AnnotationSettings::setRule(const DrawOverRule& rule) {
    rule_ = rule;
    Q_EMIT changed();
}

void AnnotationSettings::setActiveLabel(LabelValue value) {
    if (value != activeLabel_) {
        activeLabel_ = value;
        Q_EMIT changed();
    }
}

void AnnotationSettings::setFill(bool in3D, double tolerance) {
    fillIn3D_ = in3D;
    fillTolerance_ = tolerance;
    Q_EMIT changed();
}

void AnnotationSettings::setPolygonErases(bool erases) {
    polygonErases_ = erases;
    Q_EMIT changed();
}

}  // namespace views
}  // namespace logonet
