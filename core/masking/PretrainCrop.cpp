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
    return scanSliceOfGridSlice(scan, pretrainCropGeometry(scan, crop), cropAxis, cropIndex);
}

int64_t cropIndexOfScanVoxel(const ImageGeometry& scan, int64_t crop, int cropAxis,
                             const Size3& voxel) {
    return gridIndexOfScanVoxel(scan, pretrainCropGeometry(scan, crop), cropAxis, voxel);
}

}  // namespace logonet
