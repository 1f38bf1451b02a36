#pragma once

#include <limits>

#include "volume/Volume.h"

namespace logonet {

// Overlap and boundary distance of one label between a prediction and the ground truth, both
// on the same grid (the scan's original grid: distances are in millimetres of that grid).
struct ClassScore {
    // False when the label occurs in neither volume: the scores are then meaningless and a mean
    // over cases must skip this one.
    bool present = false;
    double dice = std::numeric_limits<double>::quiet_NaN();
    // 95th percentile of the symmetric surface distance (mm): the larger of the two directed
    // 95th percentiles, as MONAI computes it. Infinite when exactly one of the masks is empty.
    double hd95 = std::numeric_limits<double>::quiet_NaN();
};

// Dice = 2|P and T| / (|P| + |T|). Throws std::invalid_argument when the grids differ.
double diceScore(const LabelVolume& prediction, const LabelVolume& truth, LabelValue label);

// Both metrics for one label.
ClassScore scoreClass(const LabelVolume& prediction, const LabelVolume& truth, LabelValue label);

// Directed 95th-percentile surface distance from the surface voxels of `from` to the nearest
// surface voxel of `to`, in mm (linear interpolation between ranks, like numpy.percentile).
double directedSurfaceDistance95(const LabelVolume& from, const LabelVolume& to, LabelValue label);

}  // namespace logonet
