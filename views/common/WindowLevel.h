#pragma once

#include <QString>
#include <vector>

#include "volume/Volume.h"

namespace logonet {
namespace views {

// Intensity window: values in [level - window/2, level + window/2] map to black..white.
struct WindowLevel {
    double window = 400.0;
    double level = 50.0;

    double low() const { return level - window / 2.0; }
    double high() const { return level + window / 2.0; }
    bool operator==(const WindowLevel& o) const { return window == o.window && level == o.level; }
    bool operator!=(const WindowLevel& o) const { return !(*this == o); }
};

struct WindowLevelPreset {
    QString name;  // already translated
    WindowLevel value;
};

// The CT presets radiologists expect (abdomen, lung, bone, brain).
std::vector<WindowLevelPreset> ctWindowPresets();

// The window between the 1st and 99th percentiles of the intensities: a sensible start for MR
// and anything without calibrated units. Samples at most ~1M voxels, so it is fast on any size.
WindowLevel percentileWindow(const ImageVolume& image, double lowPercent = 1.0,
                             double highPercent = 99.0);

// CT data (Hounsfield units reach below -500 for air) gets the abdomen preset, anything else
// the percentile window.
WindowLevel initialWindow(const ImageVolume& image);

}  // namespace views
}  // namespace logonet
