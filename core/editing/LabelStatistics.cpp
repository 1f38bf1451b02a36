#include "editing/LabelStatistics.h"

namespace logonet {

double LabelStatistics::voxelMillilitres(const LabelVolume& labels) {
    const Vec3& spacing = labels.geometry().spacing;
    return spacing[0] * spacing[1] * spacing[2] / 1000.0;
}

std::vector<LabelMeasure> LabelStatistics::compute(const LabelVolume& labels) {
    std::vector<int64_t> counts(65536, 0);
    for (const LabelValue value : labels.voxels()) {
        ++counts[value];
    }
    const double millilitres = voxelMillilitres(labels);
    std::vector<LabelMeasure> result;
    for (size_t value = 1; value < counts.size(); ++value) {
        if (counts[value] > 0) {
            result.push_back({static_cast<LabelValue>(value), counts[value],
                              static_cast<double>(counts[value]) * millilitres});
        }
    }
    return result;
}

LabelMeasure LabelStatistics::of(const LabelVolume& labels, LabelValue value) {
    int64_t count = 0;
    for (const LabelValue voxel : labels.voxels()) {
        count += voxel == value ? 1 : 0;
    }
    return {value, count, static_cast<double>(count) * voxelMillilitres(labels)};
}

}  // namespace logonet
