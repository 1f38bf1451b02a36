#pragma once

#include <string>

#include "cache/PreprocessSettings.h"
#include "volume/Volume.h"

namespace logonet {

// One scan after preprocessing: what the engine trains on and predicts from. The original
// geometry travels with it so that a prediction can be put back onto the scan's own grid.
struct CachedCase {
    std::string id;
    ImageVolume image;   // reoriented, resampled, normalised to [0, 1], cropped to the body
    LabelVolume labels;  // same grid as `image`; empty for an unlabeled scan
    ImageGeometry originalGeometry;
    PreprocessSettings settings;
    // What the case was made from (e.g. the scan's label version): a different source means the
    // cached case is stale even with the same settings.
    std::string source;

    bool labeled() const { return !labels.empty(); }
};

}  // namespace logonet
