#pragma once

#include <string>

#include "cache/CachedCase.h"

namespace logonet {

// Spec section 7's preprocessing of one scan: reorient to the canonical axis order and resample
// to the target spacing in one trilinear pass (labels nearest-neighbour), normalise intensities
// to [0, 1] (CT window or MR percentiles, clipped), then crop to the box of the body (voxels above
// the window's floor) united with the labelled voxels. `labels` may be empty; when not, it must
// share the image's grid (std::invalid_argument naming the case otherwise).
CachedCase prepareCase(const std::string& id, const ImageVolume& image, const LabelVolume& labels,
                       const PreprocessSettings& settings);

}  // namespace logonet
