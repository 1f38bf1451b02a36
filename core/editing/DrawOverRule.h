#pragma once

#include <optional>

#include "volume/Volume.h"

namespace logonet {

// Which voxels a write may change, as in ITK-SNAP's "draw over" setting plus its intensity
// limits. Every tool's writes are filtered through one rule inside LabelEditor.
struct DrawOverRule {
    enum class Mode {
        Everything,      // overwrite any label
        BackgroundOnly,  // change only voxels that are background (0)
        OnlyLabel,       // change only voxels that hold `label`
    };
    Mode mode = Mode::Everything;
    LabelValue label = 0;  // for OnlyLabel
    // Only voxels whose image intensity lies in [intensityLow, intensityHigh]; needs an image.
    bool limitIntensity = false;
    float intensityLow = 0.0f;
    float intensityHigh = 0.0f;

    static DrawOverRule everything() { return {}; }
    static DrawOverRule backgroundOnly() { return {Mode::BackgroundOnly, 0, false, 0, 0}; }
    static DrawOverRule onlyLabel(LabelValue value) {
        return {Mode::OnlyLabel, value, false, 0, 0};
    }
    DrawOverRule withIntensityRange(float low, float high) const {
        DrawOverRule rule = *this;
        rule.limitIntensity = true;
        rule.intensityLow = low;
        rule.intensityHigh = high;
        return rule;
    }

    bool allowsLabel(LabelValue current) const {
        switch (mode) {
            case Mode::Everything:
                return true;
            case Mode::BackgroundOnly:
                return current == 0;
            case Mode::OnlyLabel:
                return current == label;
        }
        return false;
    }
    bool allowsIntensity(float intensity) const {
        return !limitIntensity || (intensity >= intensityLow && intensity <= intensityHigh);
    }
};

}  // namespace logonet
