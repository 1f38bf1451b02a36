#pragma once

#include <QObject>

#include "editing/BrushFootprint.h"
#include "editing/DrawOverRule.h"
#include "volume/Volume.h"

namespace logonet {
namespace views {

// What the annotation tools do when the mouse acts on a slice view: the tool, the brush, the
// draw-over rule and the active label. Shared by the tool panel (which edits it) and the
// controller (which reads it on every mouse event).
class AnnotationSettings : public QObject {
    Q_OBJECT
  public:
    enum class Tool { Brush, Eraser, Fill, Polygon };

    explicit AnnotationSettings(QObject* parent = nullptr) : QObject(parent) {}

    Tool tool() const { return tool_; }
    void setTool(Tool tool);
    // The brush's shape, extent, radius and unit; `axis` is taken from the view painted on.
    const BrushOptions& brush() const { return brush_; }
    void setBrush(const BrushOptions& brush);
    void setBrushRadius(double radius);
    const DrawOverRule& rule() const { return rule_; }
    void setRule(const DrawOverRule& rule);
    LabelValue activeLabel() const { return activeLabel_; }
    void setActiveLabel(LabelValue value);
    // Fill: grow in 3D (else on the clicked slice) within this intensity distance (< 0: any).
    bool fillIn3D() const { return fillIn3D_; }
    double fillTolerance() const { return fillTolerance_; }
    void setFill(bool in3D, double tolerance);
    // Polygon: erase the inside instead of filling it.
    bool polygonErases() const { return polygonErases_; }
    void setPolygonErases(bool erases);

  Q_SIGNALS:
    void changed();

  private:
    Tool tool_ = Tool::Brush;
    BrushOptions brush_;
    DrawOverRule rule_;
    LabelValue activeLabel_ = 1;
    bool fillIn3D_ = false;
    double fillTolerance_ = -1.0;
    bool polygonErases_ = false;
};

}  // namespace views
}  // namespace logonet
