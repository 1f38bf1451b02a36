#include "overlay/OverlaySettings.h"

#include <algorithm>

namespace logonet {
namespace views {

OverlaySettings::OverlaySettings(QObject* parent) : QObject(parent) {}

void OverlaySettings::setLabelSet(const LabelSet& labels) {
    labels_ = labels;
    hidden_.clear();
    rebuildColours();
    Q_EMIT labelSetChanged();
    Q_EMIT changed();
}

void OverlaySettings::setVisible(LabelValue value, bool visible) {
    if (isVisible(value) == visible) {
        return;
    }
    if (visible) {
        hidden_.erase(value);
    } else {
        hidden_.insert(value);
    }
    rebuildColours();
    Q_EMIT visibilityChanged(value, visible);
    Q_EMIT changed();
}

void OverlaySettings::setOpacity(double opacity) {
    opacity = std::clamp(opacity, 0.0, 1.0);
    if (opacity == style_.opacity) {
        return;
    }
    style_.opacity = opacity;
    Q_EMIT changed();
}

void OverlaySettings::setMode(OverlayMode mode) {
    if (mode == style_.mode) {
        return;
    }
    style_.mode = mode;
    Q_EMIT changed();
}

void OverlaySettings::setEnabled(bool enabled) {
    if (enabled == style_.enabled) {
        return;
    }
    style_.enabled = enabled;
    Q_EMIT changed();
}

void OverlaySettings::rebuildColours() {
    // Values outside the label set are still drawn (in a neutral colour), so that a stray value
    // in a file is visible rather than silently hidden.
    const size_t count = static_cast<size_t>(std::max<int>(labels_.maxValue(), 255)) + 1;
    style_.colours.assign(count, qRgba(255, 255, 0, 255));
    style_.colours[0] = qRgba(0, 0, 0, 0);
    for (const auto& entry : labels_.entries()) {
        style_.colours[entry.value] = qRgba(entry.colour[0], entry.colour[1], entry.colour[2], 255);
    }
    for (LabelValue value : hidden_) {
        if (value < style_.colours.size()) {
            style_.colours[value] = qRgba(0, 0, 0, 0);
        }
    }
}

}  // namespace views
}  // namespace logonet
