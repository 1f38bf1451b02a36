#pragma once

#include <string>

#include "volume/Volume.h"

namespace logonet {

// The grid of `geometry` with its voxel axes permuted and flipped so that they point to the
// letters of `code` ("RAS": axis 0 grows to the patient's right, 1 anterior, 2 superior). The
// world extent is unchanged, so resampling onto it only reorders voxels. Throws
// std::invalid_argument for a code that is not a permutation of one letter of each R/L, A/P, S/I.
ImageGeometry reorientedGeometry(const ImageGeometry& geometry, const std::string& code);

// Same origin and directions, new spacing; the size keeps the world extent (rounded, at least 1).
ImageGeometry respacedGeometry(const ImageGeometry& geometry, const Vec3& spacing);

// Trilinear resampling onto `target` (any placement in world space). Samples within half a voxel
// outside the source take the nearest edge value; farther ones take `outside`.
ImageVolume resampleLinear(const ImageVolume& source, const ImageGeometry& target,
                           float outside = 0.0f);

// Nearest-neighbour resampling of a label map onto `target`; voxels outside the source are 0.
// Mapping a prediction from the preprocessed grid back onto the scan's own grid is this call.
LabelVolume resampleNearest(const LabelVolume& source, const ImageGeometry& target);

// The sub-grid [begin, begin + size) of `geometry`, placed where those voxels are in the world.
ImageGeometry croppedGeometry(const ImageGeometry& geometry, const Size3& begin, const Size3& size);

// The voxels of `volume` inside [begin, begin + size), which must lie within the volume.
template <typename T>
Volume<T> cropVolume(const Volume<T>& volume, const Size3& begin, const Size3& size) {
    Volume<T> out(croppedGeometry(volume.geometry(), begin, size));
    for (int64_t k = 0; k < size[2]; ++k) {
        for (int64_t j = 0; j < size[1]; ++j) {
            const T* row = &volume.at(begin[0], begin[1] + j, begin[2] + k);
            std::copy(row, row + size[0], &out.at(0, j, k));
        }
    }
    return out;
}

}  // namespace logonet
