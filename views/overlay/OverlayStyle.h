#pragma once

#include <QRgb>
#include <vector>

#include "volume/Volume.h"

namespace logonet {
namespace views {

enum class OverlayMode { Filled, Outline };

// What the slice renderer needs to blend labels: a colour per label value (alpha 0 = hidden),
// the opacity and the mode. Built once per change, read for every pixel.
struct OverlayStyle {
    std::vector<QRgb> colours;  // index = label value; qAlpha 0 means "not drawn"
    double opacity = 0.5;
    OverlayMode mode = OverlayMode::Filled;
    bool enabled = true;

    bool draws(LabelValue value) const {
        return value < colours.size() && qAlpha(colours[value]) != 0;
    }
};

}  // namespace views
}  // namespace logonet
