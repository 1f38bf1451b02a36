#include "masking/PretrainCrop.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "resample/Resampling.h"

namespace logonet {

namespace {

bool isCt(const std::string& modality) {
    return modality.empty() || modality == "CT";
}

void requireCropAxis(int cropAxis) {
    if (cropAxis < 0 || cropAxis > 2) {
        throw std::invalid_argument("crop axis " + std::to_string(cropAxis) +
                                    " is not 0 (R), 1 (A) or 2 (S)");
    }
}

}  // namespace

ImageGeometry pretrainCropGeometry(const ImageGeometry& scan, int64_t crop) {
    if (crop < 1) {
        throw std::invalid_argument("the pre-training crop needs at least one voxel per axis");
    }
    const ImageGeometry ras = reorientedGeometry(scan, "RAS");
    ImageGeometry out = ras;
    Vec3 first{};
    for (int d = 0; d < 3; ++d) {
        const double scale = static_cast<double>(ras.size[d]) / static_cast<double>(crop);
        first[d] = (scale - 1.0) / 2.0;
        out.spacing[d] = ras.spacing[d] * scale;
        out.size[d] = crop;
    }
    out.origin = ras.indexToWorld(first);
    return out;
}

ImageVolume pretrainCrop(const ImageVolume& scan, const std::string& modality, int64_t crop) {
    if (scan.empty()) {
        throw std::invalid_argument("cannot make a pre-training crop of an empty scan");
    }
    ImageVolume scaled = scan;
    auto& voxels = scaled.voxels();
    if (isCt(modality)) {
        for (float& v : voxels) {
            v = std::clamp((v + 1000.0f) / 2000.0f, 0.0f, 1.0f);
        }
    } else {
        const auto [low, high] = std::minmax_element(voxels.begin(), voxels.end());
        const float offset = *low;
        const float range = std::max(*high - *low, 1e-6f);
        for (float& v : voxels) {
            v = (v - offset) / range;
        }
    }
    return resampleLinear(scaled, pretrainCropGeometry(scan.geometry(), crop));
}

ScanSlice scanSliceOfCropSlice(const ImageGeometry& scan, int64_t crop, int cropAxis,
                               int64_t cropIndex) {
    requireCropAxis(cropAxis);
    const ImageGeometry grid = pretrainCropGeometry(scan, crop);
    const double centre = (static_cast<double>(crop) - 1.0) / 2.0;
    Vec3 cropPoint{centre, centre, centre};
    cropPoint[cropAxis] = static_cast<double>(cropIndex);
    const Vec3 scanPoint = scan.worldToIndex(grid.indexToWorld(cropPoint));
    // The scan axis reorientation took for this crop axis: the one whose direction is parallel.
    ScanSlice slice;
    double best = -1.0;
    for (int a = 0; a < 3; ++a) {
        double dot = 0.0;
        for (int r = 0; r < 3; ++r) {
            dot += grid.direction[r * 3 + cropAxis] * scan.direction[r * 3 + a];
        }
        if (std::abs(dot) > best) {
            best = std::abs(dot);
            slice.axis = a;
        }
    }
    slice.index =
        std::clamp<int64_t>(std::llround(scanPoint[slice.axis]), 0, scan.size[slice.axis] - 1);
    return slice;
}

int64_t cropIndexOfScanVoxel(const ImageGeometry& scan, int64_t crop, int cropAxis,
                             const Size3& voxel) {
    requireCropAxis(cropAxis);
    const ImageGeometry grid = pretrainCropGeometry(scan, crop);
    const Vec3 world =
        scan.indexToWorld(Vec3{static_cast<double>(voxel[0]), static_cast<double>(voxel[1]),
                               static_cast<double>(voxel[2])});
    return std::clamp<int64_t>(std::llround(grid.worldToIndex(world)[cropAxis]), 0, crop - 1);
}

}  // namespace logonet
