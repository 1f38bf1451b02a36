#pragma once

#include <QObject>
#include <set>

#include "labels/LabelSet.h"
#include "overlay/OverlayStyle.h"

namespace logonet {
namespace views {

// The label overlay as the user set it up (colours from the label set, hidden labels, opacity,
// filled or outline), shared by the slice views and the 3D view of one window.
class OverlaySettings : public QObject {
    Q_OBJECT
  public:
    explicit OverlaySettings(QObject* parent = nullptr);

    void setLabelSet(const LabelSet& labels);
    const LabelSet& labelSet() const { return labels_; }

    bool isVisible(LabelValue value) const { return hidden_.count(value) == 0; }
    void setVisible(LabelValue value, bool visible);
    double opacity() const { return style_.opacity; }
    void setOpacity(double opacity);
    OverlayMode mode() const { return style_.mode; }
    void setMode(OverlayMode mode);
    bool enabled() const { return style_.enabled; }
    void setEnabled(bool enabled);

    const OverlayStyle& style() const { return style_; }

  Q_SIGNALS:
    void changed();
    // A different label set (another project): lists of labels have to be rebuilt.
    void labelSetChanged();
    // Only the per-label visibility changed (the 3D view shows or hides meshes).
    void visibilityChanged(logonet::LabelValue value, bool visible);

  private:
    void rebuildColours();

    LabelSet labels_;
    std::set<LabelValue> hidden_;
    OverlayStyle style_;
};

}  // namespace views
}  // namespace logonet
