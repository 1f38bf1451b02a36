#pragma once

#include <string>

#include "cache/CachedCase.h"

namespace logonet {

// Spec section 7's preprocessing of one scan: reorient to the canonical axis order and resample
// to the target spacing in one trilinear pass (labels nearest-neighbour), normalise intensities
// to [0, 1] (CT window or MR percentiles, clipped), then crop to the box of the body (voxels above
// the window's floor) united with the labelled voxels. `labels` may be empty; when not, it must
// share the image's grid (std::invalid_argument naming the case otherwise).
// The intensities prepareCase gives, on any grid: `image` normalised as `settings` say and
// resampled trilinearly onto `grid` (no reorientation of its own, no crop to the body). On a
// grid of voxels of the prepared grid (same spacing and directions, origin whole voxels away)
// the values are the prepared case's; the workstation uses it to show slices of a prepared case
// without the engine's cache.
ImageVolume prepareOnGrid(const ImageVolume& image, const PreprocessSettings& settings,
                          const ImageGeometry& grid);

CachedCase prepareCase(const std::string& id, const ImageVolume& image, const LabelVolume& labels,
                       const PreprocessSettings& settings);

}  // namespace logonet
