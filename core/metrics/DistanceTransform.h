#pragma once

#include <vector>

#include "geometry/ImageGeometry.h"

namespace logonet {

// Exact Euclidean distance (mm, anisotropic spacing) from every voxel to the nearest voxel whose
// `seeds` entry is true; +infinity everywhere when there is no seed. Separable lower-envelope
// algorithm (Felzenszwalb and Huttenlocher), linear in the voxel count.
std::vector<double> distanceToSeeds(const std::vector<bool>& seeds, const Size3& size,
                                    const Vec3& spacing);

}  // namespace logonet
