#include "editing/LabelDelta.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace logonet {

namespace {

// Flags in the low bits of each run's first integer: the label values repeat the previous run's.
constexpr uint64_t kSameBefore = 1;
constexpr uint64_t kSameAfter = 2;
constexpr int kFlagBits = 2;

void putVarint(std::vector<uint8_t>& out, uint64_t value) {
    while (value >= 0x80) {
        out.push_back(static_cast<uint8_t>(value | 0x80));
        value >>= 7;
    }
    out.push_back(static_cast<uint8_t>(value));
}

class ByteReader {
  public:
    explicit ByteReader(const std::vector<uint8_t>& bytes) : bytes_(bytes) {}
    bool done() const { return position_ >= bytes_.size(); }
    uint64_t varint() {
        uint64_t value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (position_ >= bytes_.size()) {
                throw std::runtime_error("label delta ends inside a number");
            }
            const uint8_t byte = bytes_[position_++];
            value |= static_cast<uint64_t>(byte & 0x7f) << shift;
            if ((byte & 0x80) == 0) {
                return value;
            }
        }
        throw std::runtime_error("label delta holds a number longer than 64 bits");
    }

  private:
    const std::vector<uint8_t>& bytes_;
    size_t position_ = 0;
};

std::string sizeText(const Size3& size) {
    return std::to_string(size[0]) + "x" + std::to_string(size[1]) + "x" + std::to_string(size[2]);
}

// Decodes every run; `validate` checks values a corrupt file could get wrong.
template <typename Visit>
void decodeRuns(const std::vector<uint8_t>& bytes, int64_t voxelCount, bool validate,
                Visit&& visit) {
    ByteReader reader(bytes);
    LabelRun run;
    int64_t end = 0;
    while (!reader.done()) {
        const uint64_t head = reader.varint();
        const uint64_t gap = head >> kFlagBits;
        const uint64_t length = reader.varint() + 1;
        if (!(head & kSameBefore)) {
            const uint64_t before = reader.varint();
            if (validate && before > 0xffff) {
                throw std::runtime_error("label delta holds a label value above 65535");
            }
            run.before = static_cast<LabelValue>(before);
        }
        if (!(head & kSameAfter)) {
            const uint64_t after = reader.varint();
            if (validate && after > 0xffff) {
                throw std::runtime_error("label delta holds a label value above 65535");
            }
            run.after = static_cast<LabelValue>(after);
        }
        if (validate &&
            (gap > static_cast<uint64_t>(voxelCount) ||
             length > static_cast<uint64_t>(voxelCount) ||
             static_cast<uint64_t>(end) + gap + length > static_cast<uint64_t>(voxelCount))) {
            throw std::runtime_error("label delta reaches past the end of the volume");
        }
        run.offset = end + static_cast<int64_t>(gap);
        run.length = static_cast<int64_t>(length);
        end = run.offset + run.length;
        visit(run);
    }
}

void includeRun(VoxelBox& box, const LabelRun& run, const Size3& size) {
    const int64_t plane = size[0] * size[1];
    const int64_t first = run.offset;
    const int64_t last = run.offset + run.length - 1;
    const int64_t k0 = first / plane, k1 = last / plane;
    const int64_t j0 = (first % plane) / size[0], j1 = (last % plane) / size[0];
    const int64_t i0 = first % size[0], i1 = last % size[0];
    if (k0 == k1 && j0 == j1) {
        box.include(i0, j0, k0);
        box.include(i1, j1, k1);
    } else if (k0 == k1) {
        box.include(0, j0, k0);
        box.include(size[0] - 1, j1, k1);
    } else {
        box.include(0, 0, k0);
        box.include(size[0] - 1, size[1] - 1, k1);
    }
}

}  // namespace

LabelDelta LabelDelta::encode(const std::vector<LabelRun>& runs, const Size3& size) {
    LabelDelta delta;
    delta.size_ = size;
    delta.bytes_.reserve(runs.size() * 4);
    int64_t end = 0;
    bool first = true;
    LabelValue before = 0, after = 0;
    for (const LabelRun& run : runs) {
        if (run.length <= 0) {
            continue;
        }
        if (run.offset < end) {
            throw std::invalid_argument("label runs overlap or are not sorted");
        }
        uint64_t head = static_cast<uint64_t>(run.offset - end) << kFlagBits;
        const bool sameBefore = !first && run.before == before;
        const bool sameAfter = !first && run.after == after;
        head |= (sameBefore ? kSameBefore : 0) | (sameAfter ? kSameAfter : 0);
        putVarint(delta.bytes_, head);
        putVarint(delta.bytes_, static_cast<uint64_t>(run.length - 1));
        if (!sameBefore) {
            putVarint(delta.bytes_, run.before);
        }
        if (!sameAfter) {
            putVarint(delta.bytes_, run.after);
        }
        before = run.before;
        after = run.after;
        first = false;
        end = run.offset + run.length;
        delta.runCount_ += 1;
        delta.voxelCount_ += run.length;
        includeRun(delta.region_, run, size);
    }
    if (end > size[0] * size[1] * size[2]) {
        throw std::invalid_argument("label runs reach past the end of a " + sizeText(size) +
                                    " volume");
    }
    delta.bytes_.shrink_to_fit();
    return delta;
}

LabelDelta LabelDelta::fromBytes(std::vector<uint8_t> bytes, const Size3& size) {
    LabelDelta delta;
    delta.size_ = size;
    delta.bytes_ = std::move(bytes);
    decodeRuns(delta.bytes_, size[0] * size[1] * size[2], true, [&](const LabelRun& run) {
        delta.runCount_ += 1;
        delta.voxelCount_ += run.length;
        includeRun(delta.region_, run, size);
    });
    return delta;
}

void LabelDelta::checkFits(const LabelVolume& labels) const {
    if (labels.size() != size_) {
        throw std::invalid_argument("an edit made on a " + sizeText(size_) +
                                    " label map cannot be applied to a " + sizeText(labels.size()) +
                                    " one");
    }
}

void LabelDelta::write(LabelVolume& labels, bool after) const {
    checkFits(labels);
    LabelValue* data = labels.data();
    decodeRuns(bytes_, labels.voxelCount(), false, [&](const LabelRun& run) {
        std::fill_n(data + run.offset, run.length, after ? run.after : run.before);
    });
}

void LabelDelta::apply(LabelVolume& labels) const {
    write(labels, true);
}

void LabelDelta::revert(LabelVolume& labels) const {
    write(labels, false);
}

std::vector<LabelRun> LabelDelta::runs() const {
    std::vector<LabelRun> result;
    result.reserve(static_cast<size_t>(runCount_));
    forEachRun([&](const LabelRun& run) { result.push_back(run); });
    return result;
}

void LabelDelta::forEachRun(const std::function<void(const LabelRun&)>& visit) const {
    decodeRuns(bytes_, size_[0] * size_[1] * size_[2], false, visit);
}

}  // namespace logonet
