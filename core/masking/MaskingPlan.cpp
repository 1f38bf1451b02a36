#include "masking/MaskingPlan.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>
#include <string>

namespace logonet {

void checkMaskingOptions(const SliceMaskingOptions& options) {
    if (!(options.phi1 >= 0.0 && options.phi1 <= 1.0 && options.phi2 >= 0.0 &&
          options.phi2 <= 1.0)) {
        throw std::invalid_argument("masking ratios phi1 and phi2 must lie in [0, 1]");
    }
    if (options.length < 1) {
        throw std::invalid_argument("masked runs need a length of at least one slice");
    }
    if (options.patchSizes.empty() ||
        *std::min_element(options.patchSizes.begin(), options.patchSizes.end()) < 1) {
        throw std::invalid_argument("patch sizes must be positive");
    }
}

const MaskedSlice* CropMaskingPlan::find(int64_t index) const {
    const auto at = std::lower_bound(
        masked.begin(), masked.end(), index,
        [](const MaskedSlice& slice, int64_t wanted) { return slice.index < wanted; });
    return at != masked.end() && at->index == index ? &*at : nullptr;
}

MaskingPlanner::MaskingPlanner(SliceMaskingOptions options, uint64_t seed)
    : options_(std::move(options)), random_(seed) {
    checkMaskingOptions(options_);
}

std::vector<int64_t> MaskingPlanner::drawRunEnds(int64_t slices) {
    const int64_t runs = static_cast<int64_t>(std::floor(options_.phi1 * slices));
    const int64_t length = std::min(options_.length, slices);
    // Run ends are drawn where a whole run of `length` fits, so every run has its full length.
    std::uniform_int_distribution<int64_t> end(length - 1, slices - 1);
    std::vector<int64_t> ends;
    for (int64_t run = 0; run < runs; ++run) {
        ends.push_back(end(random_));
    }
    return ends;
}

CropMaskingPlan MaskingPlanner::draw(int64_t slices, int64_t rows, int64_t columns) {
    if (slices < 1 || rows < 1 || columns < 1) {
        throw std::invalid_argument("cannot mask an empty crop (" + std::to_string(slices) +
                                    " slices of " + std::to_string(rows) + " x " +
                                    std::to_string(columns) + ")");
    }
    CropMaskingPlan plan;
    plan.slices = slices;
    plan.rows = rows;
    plan.columns = columns;
    plan.runEnds = drawRunEnds(slices);
    const int64_t length = std::min(options_.length, slices);
    std::set<int64_t> indices;
    for (const int64_t last : plan.runEnds) {
        for (int64_t i = last - length + 1; i <= last; ++i) {
            indices.insert(i);
        }
    }
    std::uniform_int_distribution<size_t> pickSize(0, options_.patchSizes.size() - 1);
    std::bernoulli_distribution zero(options_.phi2);
    for (const int64_t index : indices) {
        MaskedSlice slice;
        slice.index = index;
        slice.patchSize = options_.patchSizes[pickSize(random_)];
        slice.edge = std::min(slice.patchSize, std::max(rows, columns));
        slice.gridRows = (rows + slice.edge - 1) / slice.edge;
        slice.gridColumns = (columns + slice.edge - 1) / slice.edge;
        slice.patches = slice.gridRows * slice.gridColumns;
        slice.zeroedPatches.assign(static_cast<size_t>(slice.patches), 0);
        for (auto& patch : slice.zeroedPatches) {
            if (zero(random_)) {
                patch = 1;
                ++slice.zeroed;
            }
        }
        plan.masked.push_back(std::move(slice));
    }
    return plan;
}

CropMaskingPlan MaskingPlanner::draw(const Size3& cropSize) {
    const auto plane = slicePlaneAxes(options_.axis);
    return draw(cropSize[static_cast<size_t>(options_.axis)], cropSize[plane[0]],
                cropSize[plane[1]]);
}

void applyMaskingPlan(const CropMaskingPlan& plan, SliceAxis axis, ImageVolume& crop) {
    const auto plane = slicePlaneAxes(axis);
    const int normal = static_cast<int>(axis);
    const Size3& size = crop.size();
    if (size[normal] != plan.slices || size[plane[0]] != plan.rows ||
        size[plane[1]] != plan.columns) {
        throw std::invalid_argument("the masking plan (" + std::to_string(plan.slices) +
                                    " slices of " + std::to_string(plan.rows) + " x " +
                                    std::to_string(plan.columns) + ") does not fit the crop " +
                                    crop.geometry().describe());
    }
    int64_t voxel[3] = {0, 0, 0};
    for (const MaskedSlice& slice : plan.masked) {
        voxel[normal] = slice.index;
        for (int64_t r = 0; r < plan.rows; ++r) {
            voxel[plane[0]] = r;
            for (int64_t c = 0; c < plan.columns; ++c) {
                voxel[plane[1]] = c;
                if (!slice.keeps(r, c)) {
                    crop.at(voxel[0], voxel[1], voxel[2]) = 0.0f;
                }
            }
        }
    }
}

}  // namespace logonet
