#include "clusters/ClusterSliceGrids.h"

#include <exception>

#include "masking/ClusterSliceWindow.h"
#include "masking/PretrainCrop.h"
#include "masking/SliceAxis.h"

namespace logonet {
namespace views {

void ClusterSliceGrids::setClusterer(const ClustererRecord* clusterer) {
    clusterer_.reset();
    grids_.clear();
    if (!clusterer) {
        return;
    }
    clusterer_ = *clusterer;
    crop_ = static_cast<int>(clustererCrop(*clusterer));
    axis_ = static_cast<int>(clustererAxis(*clusterer));
}

std::optional<ImageGeometry> ClusterSliceGrids::gridOf(qint64 scanId) const {
    const auto known = grids_.constFind(scanId);
    if (known != grids_.constEnd()) {
        return known.value();
    }
    const std::optional<ImageGeometry> grid = resolveGrid(scanId);
    grids_.insert(scanId, grid);
    return grid;
}

std::optional<ImageGeometry> ClusterSliceGrids::resolveGrid(qint64 scanId) const {
    if (!clusterer_) {
        return std::nullopt;
    }
    try {
        if (auto stored = storedClusterSliceGrid(clusterer_->settings, scanId)) {
            return stored;
        }
        if (clusterer_->settings.contains("slice_grids")) {
            return std::nullopt;  // a clustering with windows that left this scan out
        }
    } catch (const std::exception&) {
        // A malformed stored grid: the scan's slices are then mapped as an older clustering's.
    }
    const std::optional<ImageGeometry> scan = scans_->of(scanId);
    if (!scan || crop_ < 1) {
        return std::nullopt;
    }
    return pretrainCropGeometry(*scan, crop_);
}

qint64 ClusterSliceGrids::sliceCount(qint64 scanId) const {
    const std::optional<ImageGeometry> grid = gridOf(scanId);
    return grid ? grid->size[axis_] : 0;
}

std::optional<ScanSlice> ClusterSliceGrids::scanSliceOf(qint64 scanId, qint64 index) const {
    const std::optional<ImageGeometry> grid = gridOf(scanId);
    const std::optional<ImageGeometry> scan = scans_->of(scanId);
    if (!grid || !scan) {
        return std::nullopt;
    }
    return scanSliceOfGridSlice(*scan, *grid, axis_, index);
}

std::optional<qint64> ClusterSliceGrids::sliceOfScanVoxel(qint64 scanId, const Size3& voxel) const {
    const std::optional<ImageGeometry> grid = gridOf(scanId);
    const std::optional<ImageGeometry> scan = scans_->of(scanId);
    if (!grid || !scan) {
        return std::nullopt;
    }
    return gridIndexOfScanVoxel(*scan, *grid, axis_, voxel);
}

}  // namespace views
}  // namespace logonet
