#pragma once

#include <cstdint>
#include <vector>

#include "volume/Volume.h"

namespace logonet {

struct LabelMeasure {
    LabelValue value = 0;
    int64_t voxels = 0;
    double millilitres = 0.0;
};

// Per-label voxel counts and volumes, for the label editor's table.
class LabelStatistics {
  public:
    // Every non-background label present, by ascending value.
    static std::vector<LabelMeasure> compute(const LabelVolume& labels);
    static LabelMeasure of(const LabelVolume& labels, LabelValue value);
    // Millilitres of one voxel (spacing in mm; 1 ml = 1000 mm^3).
    static double voxelMillilitres(const LabelVolume& labels);
};

}  // namespace logonet
