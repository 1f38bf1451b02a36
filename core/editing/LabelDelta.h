#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "editing/VoxelBox.h"
#include "volume/Volume.h"

namespace logonet {

// A run of consecutive voxels (in memory order) that one edit changed from `before` to `after`.
struct LabelRun {
    int64_t offset = 0;
    int64_t length = 0;
    LabelValue before = 0;
    LabelValue after = 0;
};

// What one edit step changed, as run-length encoded bytes: memory grows with the edited surface,
// never with the volume (ITK-SNAP's lesson). A run costs about three bytes: the gap from the
// previous run and the length as variable-length integers, and the label values only where they
// differ from the previous run's.
class LabelDelta {
  public:
    LabelDelta() = default;

    // `runs` sorted by offset and not overlapping, within a volume of `size`.
    static LabelDelta encode(const std::vector<LabelRun>& runs, const Size3& size);
    // Bytes from bytes(), e.g. read back from a journal; throws std::runtime_error when they do
    // not decode into runs inside a volume of `size`.
    static LabelDelta fromBytes(std::vector<uint8_t> bytes, const Size3& size);

    // Writes every run's `after` (apply) or `before` (revert) values; throws
    // std::invalid_argument when `labels` is not the size the delta was made for.
    void apply(LabelVolume& labels) const;
    void revert(LabelVolume& labels) const;

    std::vector<LabelRun> runs() const;
    void forEachRun(const std::function<void(const LabelRun&)>& visit) const;

    bool empty() const { return runCount_ == 0; }
    int64_t voxelCount() const { return voxelCount_; }
    int64_t runCount() const { return runCount_; }
    const Size3& volumeSize() const { return size_; }
    // The index box of every changed voxel: what views must redraw.
    const VoxelBox& region() const { return region_; }
    const std::vector<uint8_t>& bytes() const { return bytes_; }
    // Heap and object bytes this delta holds, for the history's memory cap.
    size_t memoryBytes() const { return sizeof(LabelDelta) + bytes_.capacity(); }

  private:
    void checkFits(const LabelVolume& labels) const;
    void write(LabelVolume& labels, bool after) const;

    Size3 size_{0, 0, 0};
    std::vector<uint8_t> bytes_;
    int64_t runCount_ = 0;
    int64_t voxelCount_ = 0;
    VoxelBox region_;
};

}  // namespace logonet
