#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace logonet {

// One bit per voxel of a volume: "visited" and "already recorded" marks for the editing tools.
// A bit per voxel keeps a 512x512x300 volume's marks under 10 MB, an eighth of a byte mask.
class VoxelBitSet {
  public:
    VoxelBitSet() = default;
    explicit VoxelBitSet(int64_t voxelCount) { resize(voxelCount); }

    void resize(int64_t voxelCount) {
        bitCount_ = voxelCount;
        words_.assign(static_cast<size_t>((voxelCount + 63) / 64), 0);
    }
    int64_t size() const { return bitCount_; }

    bool test(int64_t offset) const {
        return (words_[static_cast<size_t>(offset >> 6)] >> (offset & 63)) & 1u;
    }
    void set(int64_t offset) {
        words_[static_cast<size_t>(offset >> 6)] |= uint64_t{1} << (offset & 63);
    }
    void reset(int64_t offset) {
        words_[static_cast<size_t>(offset >> 6)] &= ~(uint64_t{1} << (offset & 63));
    }
    // Clears bits [first, first + count): proportional to the range, not to the whole set.
    void resetRange(int64_t first, int64_t count);

  private:
    int64_t bitCount_ = 0;
    std::vector<uint64_t> words_;
};

}  // namespace logonet
