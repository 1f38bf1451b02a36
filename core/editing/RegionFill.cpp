#include "editing/RegionFill.h"

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "editing/ScanlineFlood.h"

namespace logonet {

namespace {

struct Row {
    int64_t i0, i1, j, k;
};

}  // namespace

RegionFill::Result RegionFill::fill(LabelEditor& editor, const Size3& seed, LabelValue value,
                                    const FillOptions& options) {
    const LabelVolume& labels = editor.labels();
    const Size3& size = labels.size();
    if (!labels.geometry().contains(seed[0], seed[1], seed[2])) {
        throw std::invalid_argument("the fill seed (" + std::to_string(seed[0]) + ", " +
                                    std::to_string(seed[1]) + ", " + std::to_string(seed[2]) +
                                    ") lies outside the " + labels.geometry().describe() +
                                    " volume");
    }
    if (options.slice && (options.axis < 0 || options.axis > 2)) {
        throw std::invalid_argument("a slice fill needs axis 0, 1 or 2");
    }
    VoxelBox bounds;
    bounds.lo = {0, 0, 0};
    bounds.hi = {size[0] - 1, size[1] - 1, size[2] - 1};
    if (options.slice) {
        bounds.lo[options.axis] = seed[options.axis];
        bounds.hi[options.axis] = seed[options.axis];
    }
    const LabelValue* labelData = labels.data();
    const size_t seedOffset = labels.offset(seed[0], seed[1], seed[2]);
    const LabelValue seedLabel = labelData[seedOffset];
    const float* image = editor.image() != nullptr ? editor.image()->data() : nullptr;
    const bool useIntensity = image != nullptr && options.tolerance >= 0.0;
    const double seedIntensity = useIntensity ? image[seedOffset] : 0.0;

    // The region is found first and written afterwards, so that the writes cannot change what
    // the growth sees.
    VoxelBitSet visited(labels.voxelCount());
    ScanlineFlood flood(size, bounds, false, visited);
    std::vector<Row> rows;
    Result result;
    result.regionVoxels = flood.fill(
        seed,
        [&](int64_t offset) {
            return labelData[offset] == seedLabel &&
                   (!useIntensity || std::abs(static_cast<double>(image[offset]) - seedIntensity) <=
                                         options.tolerance);
        },
        [&](int64_t i0, int64_t i1, int64_t j, int64_t k) {
            rows.push_back({i0, i1, j, k});
        });
    for (const Row& row : rows) {
        result.changedVoxels += editor.writeRow(row.i0, row.i1, row.j, row.k, value);
    }
    return result;
}

}  // namespace logonet
