#pragma once

#include <cstdint>
#include <stdexcept>
#include <utility>
#include <vector>

#include "geometry/ImageGeometry.h"

namespace logonet {

// Voxels plus the geometry that places them in the patient. Voxel (i, j, k) lives at
// i + size[0] * (j + size[1] * k): x fastest, as in NIfTI and ITK.
template <typename T>
class Volume {
  public:
    using value_type = T;

    Volume() = default;
    explicit Volume(const ImageGeometry& geometry, T fill = T{})
        : geometry_(geometry), voxels_(static_cast<size_t>(geometry.voxelCount()), fill) {}
    Volume(const ImageGeometry& geometry, std::vector<T> voxels)
        : geometry_(geometry), voxels_(std::move(voxels)) {
        if (static_cast<int64_t>(voxels_.size()) != geometry_.voxelCount()) {
            throw std::invalid_argument("voxel buffer does not match the geometry's size");
        }
    }

    const ImageGeometry& geometry() const { return geometry_; }
    // Changing the geometry keeps the voxels; only the placement in space may change.
    void setPlacement(const Vec3& origin, const Vec3& spacing, const Mat3& direction) {
        geometry_.origin = origin;
        geometry_.spacing = spacing;
        geometry_.direction = direction;
    }

    const Size3& size() const { return geometry_.size; }
    int64_t voxelCount() const { return geometry_.voxelCount(); }
    bool empty() const { return voxels_.empty(); }

    size_t offset(int64_t i, int64_t j, int64_t k) const {
        return static_cast<size_t>(i + geometry_.size[0] * (j + geometry_.size[1] * k));
    }
    T& at(int64_t i, int64_t j, int64_t k) { return voxels_[offset(i, j, k)]; }
    const T& at(int64_t i, int64_t j, int64_t k) const { return voxels_[offset(i, j, k)]; }

    T* data() { return voxels_.data(); }
    const T* data() const { return voxels_.data(); }
    std::vector<T>& voxels() { return voxels_; }
    const std::vector<T>& voxels() const { return voxels_; }

  private:
    ImageGeometry geometry_;
    std::vector<T> voxels_;
};

// Intensities are kept as float whatever the file stored (int16 CT, uint8 MR, float maps):
// one type for viewing, preprocessing and training.
using ImageVolume = Volume<float>;
// Label values as ITK-SNAP keeps them: 16 bits, 0 is background.
using LabelValue = uint16_t;
using LabelVolume = Volume<LabelValue>;

}  // namespace logonet
