#pragma once

#include "geometry/ImageGeometry.h"
#include "volume/Volume.h"

namespace logonet {

// A window of `size` voxels centred on a prepared case, on the case's own grid (same spacing and
// directions, origin whole voxels away): along an axis where the case is larger the window
// starts at (case - size) / 2, where it is smaller the case is padded evenly, as the crop sampler
// pads. What pre-training's crops and the workstation's views of them are cut with.
// Throws std::invalid_argument for a size below 1.
ImageGeometry centredWindowGeometry(const ImageGeometry& prepared, const Size3& size);

// The case's voxels on that window, 0 outside the case.
ImageVolume centredWindow(const ImageVolume& prepared, const Size3& size);

}  // namespace logonet
