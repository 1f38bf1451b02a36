#pragma once

#include <cstdint>
#include <string>

#include "masking/GridSliceMapping.h"
#include "volume/Volume.h"

namespace logonet {

// The whole scan as one crop: CT windowed [-1000, 1000] -> [0, 1] and clipped (other modalities
// min-max scaled to [0, 1]), then resampled trilinearly to crop^3 voxels covering the scan's whole
// extent. Pre-training no longer sees scans this way (it draws random crops of the prepared
// cases, and the cluster browser and masked-sequence panel show centred windows of those); a
// clustering made before stored its slice labels on this grid, and the browser still maps and
// draws such a clustering through it. Throws std::invalid_argument for an empty scan or a crop
// size below 1.
ImageVolume pretrainCrop(const ImageVolume& scan, const std::string& modality, int64_t crop);

// The crop's grid, in the orientation fine-tuning's cache uses (reorientedGeometry(scan,
// "RAS")): crop axis 0 grows to the patient's right, 1 anterior, 2 superior whatever order the
// scan stores its voxels in, so weights moved from pre-training to fine-tuning see one anatomy.
// Same world extent, crop^3 voxels; voxel 0 of each axis sits at the reoriented scan's
// continuous index (scale - 1) / 2 with scale = size / crop (trilinear placement without
// aligned corners).
ImageGeometry pretrainCropGeometry(const ImageGeometry& scan, int64_t crop);

// The scan slice through the centre of crop slice `cropIndex` along crop axis `cropAxis`. Each
// crop axis is one of the scan's voxel axes (permuted, maybe flipped), so this is the scan slice
// showing the same anatomy; the index is clamped to the scan.
ScanSlice scanSliceOfCropSlice(const ImageGeometry& scan, int64_t crop, int cropAxis,
                               int64_t cropIndex);

// The crop slice along crop axis `cropAxis` whose centre is nearest to scan voxel `voxel`,
// clamped to [0, crop).
int64_t cropIndexOfScanVoxel(const ImageGeometry& scan, int64_t crop, int cropAxis,
                             const Size3& voxel);

}  // namespace logonet
