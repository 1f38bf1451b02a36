#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "common/VoxelIndex.h"
#include "volume/Volume.h"

namespace logonet {
namespace views {

// Slices whose normal is the voxel x axis (sagittal in most scans) have no contiguous in-plane
// axis: each of their voxels sits on a cache line of its own, and one 512x300 slice costs
// 150,000 cache misses. The 16 x-neighbours of a voxel share its cache line, so reading a block
// of 16 x-slices costs no more memory traffic than reading one. This cache keeps such a block
// transposed into 16 contiguous (y fastest, then z) planes, so that stepping through sagittal
// slices reads main memory once per 16 steps.
template <typename T>
class XSlabCache {
  public:
    static constexpr int64_t kDepth = 16;

    // The contiguous plane of slice `x` (y + size[1] * z), refilled when `x` leaves the block.
    const T* plane(const Volume<T>& volume, int64_t x) {
        const Size3& size = volume.size();
        const int64_t first = x - x % kDepth;
        if (volume.data() != source_ || size != size_ || first != first_) {
            fill(volume, first);
        }
        return planes_.data() + static_cast<size_t>((x - first_) * planeStride_);
    }

    // The voxels of `region` changed in the volume: copy them into the block if it holds them.
    void refresh(const Volume<T>& volume, const VoxelBox& region) {
        if (first_ < 0 || volume.data() != source_ || volume.size() != size_ || region.empty()) {
            return;
        }
        const int64_t x0 = std::max(region.lo[0], first_);
        const int64_t x1 = std::min({region.hi[0], first_ + depth_ - 1, size_[0] - 1});
        const int64_t y0 = std::max<int64_t>(region.lo[1], 0);
        const int64_t y1 = std::min(region.hi[1], size_[1] - 1);
        const int64_t z0 = std::max<int64_t>(region.lo[2], 0);
        const int64_t z1 = std::min(region.hi[2], size_[2] - 1);
        for (int64_t z = z0; z <= z1; ++z) {
            for (int64_t y = y0; y <= y1; ++y) {
                for (int64_t x = x0; x <= x1; ++x) {
                    planes_[static_cast<size_t>((x - first_) * planeStride_ + y + size_[1] * z)] =
                        volume.at(x, y, z);
                }
            }
        }
    }

    void invalidate() {
        source_ = nullptr;
        first_ = -1;
    }

  private:
    int64_t planeSize() const { return size_[1] * size_[2]; }

    void fill(const Volume<T>& volume, int64_t first) {
        source_ = volume.data();
        size_ = volume.size();
        first_ = first;
        depth_ = std::min(kDepth, size_[0] - first);
        // Planes of 512x300 floats are a multiple of 4 KiB apart: without the pad, the 16 writes
        // of one row would all land in the same cache set and evict each other.
        planeStride_ = planeSize() + 64 / static_cast<int64_t>(sizeof(T)) + 1;
        planes_.resize(static_cast<size_t>(depth_ * planeStride_));
        const T* voxels = volume.data();
        // The rows of a block are 16 voxels apart from the next by a whole image row; fetching
        // a few rows ahead keeps several cache misses in flight instead of one.
        constexpr int64_t kRowsAhead = 8;
        const size_t last = static_cast<size_t>(volume.voxelCount()) - 1;
        for (int64_t z = 0; z < size_[2]; ++z) {
            for (int64_t y = 0; y < size_[1]; ++y) {
                const size_t start = volume.offset(first, y, z);
                const size_t ahead = start + static_cast<size_t>(kRowsAhead * size_[0]);
                __builtin_prefetch(voxels + std::min(ahead, last));
                __builtin_prefetch(voxels + std::min(ahead + depth_ - 1, last));
                const T* row = voxels + start;
                T* target = planes_.data() + static_cast<size_t>(y + size_[1] * z);
                for (int64_t dx = 0; dx < depth_; ++dx) {
                    target[static_cast<size_t>(dx * planeStride_)] = row[dx];
                }
            }
        }
    }

    const T* source_ = nullptr;
    Size3 size_{0, 0, 0};
    int64_t first_ = -1;
    int64_t depth_ = 0;
    int64_t planeStride_ = 0;
    std::vector<T> planes_;
};

}  // namespace views
}  // namespace logonet
