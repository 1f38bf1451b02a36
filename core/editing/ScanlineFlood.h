#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "editing/VoxelBitSet.h"
#include "editing/VoxelBox.h"

namespace logonet {

// Flood fill over rows along i: from a seed, finds the connected voxels for which `inside`
// holds, within `bounds`, and reports them as rows (i0, i1, j, k). Rows keep the work and the
// output proportional to the region's surface rather than its voxel count.
//
// `full` connectivity joins voxels that touch at an edge or corner (26 neighbours in 3D),
// otherwise only faces (6 neighbours). Voxels visited are marked in `visited` (one bit per voxel
// of the volume) so that several floods can share it.
class ScanlineFlood {
  public:
    ScanlineFlood(const Size3& size, const VoxelBox& bounds, bool full, VoxelBitSet& visited)
        : size_(size), bounds_(bounds), full_(full), visited_(visited) {}

    // `inside(offset)` decides membership; `row(i0, i1, j, k)` receives each row of the region.
    // Returns the region's voxel count (0 when the seed is not inside or already visited).
    template <typename Inside, typename Row>
    int64_t fill(const Size3& seed, Inside&& inside, Row&& row) {
        if (!bounds_.contains(seed[0], seed[1], seed[2])) {
            return 0;
        }
        int64_t count = 0;
        pending_.clear();
        pending_.push_back(seed);
        while (!pending_.empty()) {
            const Size3 at = pending_.back();
            pending_.pop_back();
            const int64_t rowStart = (at[2] * size_[1] + at[1]) * size_[0];
            if (visited_.test(rowStart + at[0]) || !inside(rowStart + at[0])) {
                continue;
            }
            int64_t i0 = at[0], i1 = at[0];
            while (i0 - 1 >= bounds_.lo[0] && !visited_.test(rowStart + i0 - 1) &&
                   inside(rowStart + i0 - 1)) {
                --i0;
            }
            while (i1 + 1 <= bounds_.hi[0] && !visited_.test(rowStart + i1 + 1) &&
                   inside(rowStart + i1 + 1)) {
                ++i1;
            }
            for (int64_t i = i0; i <= i1; ++i) {
                visited_.set(rowStart + i);
            }
            count += i1 - i0 + 1;
            row(i0, i1, at[1], at[2]);
            queueNeighbourRows(at[1], at[2], i0, i1, inside);
        }
        return count;
    }

  private:
    template <typename Inside>
    void queueNeighbourRows(int64_t j, int64_t k, int64_t i0, int64_t i1, Inside& inside) {
        // Diagonal neighbours reach one voxel further along the row.
        const int64_t first = full_ ? std::max(bounds_.lo[0], i0 - 1) : i0;
        const int64_t last = full_ ? std::min(bounds_.hi[0], i1 + 1) : i1;
        for (int64_t dk = -1; dk <= 1; ++dk) {
            for (int64_t dj = -1; dj <= 1; ++dj) {
                if ((dj == 0 && dk == 0) || (!full_ && dj != 0 && dk != 0)) {
                    continue;
                }
                const int64_t nj = j + dj, nk = k + dk;
                if (nj < bounds_.lo[1] || nj > bounds_.hi[1] || nk < bounds_.lo[2] ||
                    nk > bounds_.hi[2]) {
                    continue;
                }
                const int64_t rowStart = (nk * size_[1] + nj) * size_[0];
                // One seed per stretch of unvisited inside voxels next to the row.
                bool inStretch = false;
                for (int64_t i = first; i <= last; ++i) {
                    const bool open = !visited_.test(rowStart + i) && inside(rowStart + i);
                    if (open && !inStretch) {
                        pending_.push_back({i, nj, nk});
                    }
                    inStretch = open;
                }
            }
        }
    }

    Size3 size_;
    VoxelBox bounds_;
    bool full_;
    VoxelBitSet& visited_;
    std::vector<Size3> pending_;
};

}  // namespace logonet
