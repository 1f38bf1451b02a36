#include "editing/VoxelBitSet.h"

namespace logonet {

void VoxelBitSet::resetRange(int64_t first, int64_t count) {
    int64_t position = first;
    const int64_t end = first + count;
    while (position < end && (position & 63) != 0) {
        reset(position++);
    }
    while (position + 64 <= end) {
        words_[static_cast<size_t>(position >> 6)] = 0;
        position += 64;
    }
    while (position < end) {
        reset(position++);
    }
}

}  // namespace logonet
