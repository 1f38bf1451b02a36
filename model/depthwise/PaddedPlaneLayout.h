#pragma once

#include <cstdint>
#include <vector>

namespace logonet::model {

// One spatial axis of a stride-1 (dilated) correlation: which taps ever touch the input, and
// how much zero padding on each side those taps need.
struct AxisPlan {
    int64_t input = 0;
    int64_t output = 0;
    int64_t tapBegin = 0;  // taps [tapBegin, tapEnd) read the input for at least one output
    int64_t tapEnd = 0;
    int64_t padLow = 0;
    int64_t padHigh = 0;
    int64_t padded() const { return input + padLow + padHigh; }
};

AxisPlan planAxis(int64_t input, int64_t kernel, int64_t padding, int64_t dilation);

// The layout the CPU loops work in. Each input depth slice is copied into a zero-padded
// (paddedHeight x paddedWidth) slice; an output slice is then computed as one flat run of
// `runLength` values with row stride paddedWidth (the columns past the output width are
// computed and dropped). In that flat form every (kh, kw) tap is a constant offset, so one tap
// is one long multiply-add over contiguous memory, whatever the (small) width.
struct PaddedPlaneLayout {
    PaddedPlaneLayout(int64_t depth, int64_t height, int64_t width, int64_t kernel, int64_t padding,
                      int64_t dilation);

    int64_t kernel, padding, dilation;
    int64_t depth, outDepth;  // depth is not padded: a slice either exists or is skipped
    AxisPlan rows, columns;
    int64_t rowStride() const { return columns.padded(); }
    int64_t sliceSize() const { return rows.padded() * columns.padded(); }
    // Values of one flat output slice, rounded up to whole vectors of `vector` values.
    int64_t runLength(int64_t vector) const;

    // The in-slice offsets of the taps (kh, kw) in the used ranges, row-major, and their index
    // in a k x k tap plane.
    std::vector<int64_t> tapOffsets;
    std::vector<int64_t> tapIndices;

    // Depth taps [begin, end) that read an existing input slice for output slice `od`.
    void depthTaps(int64_t od, int64_t& begin, int64_t& end) const;
    // Input slice read by depth tap kd for output slice od.
    int64_t inputSlice(int64_t od, int64_t kd) const { return od - padding + kd * dilation; }
};

}  // namespace logonet::model
