#pragma once

#include <QString>

#include "common/VoxelIndex.h"
#include "labels/LabelSet.h"

namespace logonet {
namespace views {

// "Voxel (12, 40, 7)   World (-3.5, 20.0, 14.0) mm   Intensity 54   liver" for the status bar.
// `labels` may be null (unlabeled scan).
QString describeVoxel(const ImageVolume& image, const LabelVolume* labels, const LabelSet& labelSet,
                      const VoxelIndex& voxel);

}  // namespace views
}  // namespace logonet
