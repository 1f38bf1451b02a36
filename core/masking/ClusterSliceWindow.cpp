#include "masking/ClusterSliceWindow.h"

#include <cmath>
#include <stdexcept>
#include <string>

#include "cache/GeometryJson.h"

namespace logonet {

namespace {

// The window's first voxel in the prepared grid; negative where the case is smaller than the
// crop, padded evenly as CropSampler pads.
Size3 windowBegin(const Size3& prepared, int64_t crop, SliceAxis axis) {
    Size3 begin{0, 0, 0};
    for (const int a : slicePlaneAxes(axis)) {
        begin[a] = prepared[a] >= crop ? (prepared[a] - crop) / 2 : -((crop - prepared[a]) / 2);
    }
    return begin;
}

}  // namespace

ImageGeometry clusterSliceWindowGeometry(const ImageGeometry& prepared, int64_t crop,
                                         SliceAxis axis) {
    if (crop < 1) {
        throw std::invalid_argument("the clustering's crop needs at least one voxel per axis");
    }
    const Size3 begin = windowBegin(prepared.size, crop, axis);
    ImageGeometry window = prepared;
    window.origin =
        prepared.indexToWorld(Vec3{static_cast<double>(begin[0]), static_cast<double>(begin[1]),
                                   static_cast<double>(begin[2])});
    for (const int a : slicePlaneAxes(axis)) {
        window.size[a] = crop;
    }
    return window;
}

ImageVolume clusterSliceWindow(const ImageVolume& prepared, int64_t crop, SliceAxis axis) {
    const ImageGeometry grid = clusterSliceWindowGeometry(prepared.geometry(), crop, axis);
    const Size3 begin = windowBegin(prepared.size(), crop, axis);
    ImageVolume window(grid, 0.0f);
    const Size3& from = prepared.size();
    for (int64_t k = 0; k < grid.size[2]; ++k) {
        for (int64_t j = 0; j < grid.size[1]; ++j) {
            for (int64_t i = 0; i < grid.size[0]; ++i) {
                const int64_t p[3] = {i + begin[0], j + begin[1], k + begin[2]};
                if (p[0] >= 0 && p[1] >= 0 && p[2] >= 0 && p[0] < from[0] && p[1] < from[1] &&
                    p[2] < from[2]) {
                    window.voxels()[window.offset(i, j, k)] =
                        prepared.voxels()[prepared.offset(p[0], p[1], p[2])];
                }
            }
        }
    }
    return window;
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
