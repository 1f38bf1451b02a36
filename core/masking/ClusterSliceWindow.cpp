#include "masking/ClusterSliceWindow.h"

#include <cmath>
#include <stdexcept>
#include <string>

#include "cache/GeometryJson.h"
#include "masking/CentredWindow.h"

namespace logonet {

namespace {

// Crop voxels in-plane, every slice along the slicing axis.
Size3 windowSize(const Size3& prepared, int64_t crop, SliceAxis axis) {
    if (crop < 1) {
        throw std::invalid_argument("the clustering's crop needs at least one voxel per axis");
    }
    Size3 size = prepared;
    for (const int a : slicePlaneAxes(axis)) {
        size[a] = crop;
    }
    return size;
}

}  // namespace

ImageGeometry clusterSliceWindowGeometry(const ImageGeometry& prepared, int64_t crop,
                                         SliceAxis axis) {
    return centredWindowGeometry(prepared, windowSize(prepared.size, crop, axis));
}

ImageVolume clusterSliceWindow(const ImageVolume& prepared, int64_t crop, SliceAxis axis) {
    return centredWindow(prepared, windowSize(prepared.size(), crop, axis));
}

std::optional<ImageGeometry> storedClusterSliceGrid(const Json& clustererSettings, int64_t scanId) {
    if (!clustererSettings.isObject() || !clustererSettings.contains("slice_grids")) {
        return std::nullopt;
    }
    const Json& grids = clustererSettings.at("slice_grids");
    const std::string key = std::to_string(scanId);
    if (!grids.isObject() || !grids.contains(key)) {
        return std::nullopt;
    }
    const ImageGeometry grid = geometryFromJson(grids.at(key));
    const int64_t crop = clustererSettings.value("crop", int64_t{96});
    const SliceAxis axis = parseSliceAxis(clustererSettings.value("axis", "axial"));
    const auto problem = [&](const std::string& what) {
        return std::runtime_error("the clustering's slice grid of scan " + key + " " + what);
    };
    for (const int a : slicePlaneAxes(axis)) {
        if (grid.size[a] != crop) {
            throw problem("is " + std::to_string(grid.size[a]) + " voxels wide where the crop is " +
                          std::to_string(crop));
        }
    }
    const int64_t slices = grid.size[static_cast<int>(axis)];
    if (slices < 1 || slices > kMaxClusterSlices) {
        throw problem("has " + std::to_string(slices) + " slices (1 to " +
                      std::to_string(kMaxClusterSlices) + " expected)");
    }
    for (const double spacing : grid.spacing) {
        if (!std::isfinite(spacing) || spacing <= 0.0) {
            throw problem("has a spacing of " + std::to_string(spacing) + " mm");
        }
    }
    return grid;
}

}  // namespace logonet
