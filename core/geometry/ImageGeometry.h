#pragma once

#include <array>
#include <cstdint>
#include <string>

namespace logonet {

using Size3 = std::array<int64_t, 3>;
using Vec3 = std::array<double, 3>;
// Row-major 3x3 matrix; column c is the world direction of voxel axis c.
using Mat3 = std::array<double, 9>;

// Voxel grid of a volume in world space. World coordinates follow ITK and DICOM: LPS, in
// millimetres (x grows to the patient's Left, y to Posterior, z to Superior). NIfTI files store
// RAS; the conversion happens once, in core/io, so everything else speaks LPS.
struct ImageGeometry {
    Size3 size{0, 0, 0};
    Vec3 spacing{1.0, 1.0, 1.0};
    Vec3 origin{0.0, 0.0, 0.0};
    Mat3 direction{1, 0, 0, 0, 1, 0, 0, 0, 1};

    int64_t voxelCount() const { return size[0] * size[1] * size[2]; }
    bool contains(int64_t i, int64_t j, int64_t k) const {
        return i >= 0 && j >= 0 && k >= 0 && i < size[0] && j < size[1] && k < size[2];
    }

    // Continuous voxel index -> LPS world position (mm) and back.
    Vec3 indexToWorld(const Vec3& index) const;
    Vec3 worldToIndex(const Vec3& world) const;

    // Same size, and origin/spacing/direction equal within a tolerance relative to the spacing.
    bool sameGrid(const ImageGeometry& other, double tolerance = 1e-3) const;

    // "512x512x90 voxels, 0.78x0.78x2.5 mm" for messages a user reads.
    std::string describe() const;

    // Anatomical letter (one of R L A P S I) that voxel axis `axis` points towards when its
    // index grows (`positive`) or shrinks: the dominant LPS component of its direction column.
    char axisLetter(int axis, bool positive) const;

    // "LPS", "RAS", "LPI", ...: the letters the three voxel axes point to.
    std::string orientationCode() const;
};

}  // namespace logonet
