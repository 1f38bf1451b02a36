#pragma once

#include <cstdint>
#include <optional>

#include "geometry/ImageGeometry.h"
#include "json/Json.h"
#include "masking/SliceAxis.h"
#include "volume/Volume.h"

namespace logonet {

// The slices a clustering stores a label for, one per slice of every clustered scan (what the
// cluster browser shows). The clusterers are fitted on the slices of random crop^3 crops of the
// prepared cases (fine-tuning spacing, RAS, cropped to the body), so each stored slice is cut
// the same way: the prepared case's slice along the slicing axis, cut in-plane to its centred
// crop x crop window (zero-padded, as the crop sampler pads, where the case is smaller). A
// slice is then labeled as a crop's slice is, by its nearest centroid, at the scale pre-training
// sees.

// The window's grid: the prepared grid's spacing and directions, crop voxels on the two in-plane
// axes, all of the prepared case's slices along `axis`. Throws std::invalid_argument for a crop
// below 1.
ImageGeometry clusterSliceWindowGeometry(const ImageGeometry& prepared, int64_t crop,
                                         SliceAxis axis);

// The prepared case's voxels on that grid, 0 outside the case.
ImageVolume clusterSliceWindow(const ImageVolume& prepared, int64_t crop, SliceAxis axis);

// Clusterer settings carry the windows' grids under "slice_grids" ({"<scan id>": grid}); a
// clustering made before they existed stored slices of the whole scan squeezed to crop^3
// (pretrainCrop) and has none. The scan's window grid, or nothing. The project database is a
// file, so what it says is checked before anything is allocated from it: a grid must be the
// settings' "crop" voxels wide in-plane (along their "axis"), have 1 to kMaxClusterSlices slices
// and positive, finite spacings; std::runtime_error naming the scan otherwise.
constexpr int64_t kMaxClusterSlices = 4096;
std::optional<ImageGeometry> storedClusterSliceGrid(const Json& clustererSettings, int64_t scanId);

}  // namespace logonet
