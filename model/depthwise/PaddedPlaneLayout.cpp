#include "depthwise/PaddedPlaneLayout.h"

#include <algorithm>
#include <stdexcept>

namespace logonet::model {
namespace {

// Smallest t with t * dilation >= value (value may be negative).
int64_t ceilDivide(int64_t value, int64_t dilation) {
    return value >= 0 ? (value + dilation - 1) / dilation : -((-value) / dilation);
}

// Largest t with t * dilation <= value.
int64_t floorDivide(int64_t value, int64_t dilation) {
    return value >= 0 ? value / dilation : -((-value + dilation - 1) / dilation);
}

}  // namespace

AxisPlan planAxis(int64_t input, int64_t kernel, int64_t padding, int64_t dilation) {
    AxisPlan plan;
    plan.input = input;
    plan.output = input + 2 * padding - dilation * (kernel - 1);
    if (plan.output < 1) {
        throw std::invalid_argument("depthwise convolution: input smaller than the kernel");
    }
    // Tap t reads input o - padding + t * dilation for outputs o in [0, output): it touches the
    // input for some o when t * dilation lies in [padding - output + 1, input - 1 + padding].
    plan.tapBegin = std::max<int64_t>(0, ceilDivide(padding - plan.output + 1, dilation));
    plan.tapEnd = std::min<int64_t>(kernel, floorDivide(input - 1 + padding, dilation) + 1);
    if (plan.tapEnd <= plan.tapBegin) {
        plan.tapEnd = plan.tapBegin;
        return plan;
    }
    plan.padLow = std::max<int64_t>(0, padding - plan.tapBegin * dilation);
    plan.padHigh = std::max<int64_t>(
        0, (plan.output - 1) - padding + (plan.tapEnd - 1) * dilation - (input - 1));
    return plan;
}

PaddedPlaneLayout::PaddedPlaneLayout(int64_t depthIn, int64_t height, int64_t width,
                                     int64_t kernelIn, int64_t paddingIn, int64_t dilationIn)
    : kernel(kernelIn), padding(paddingIn), dilation(dilationIn), depth(depthIn) {
    const AxisPlan depthPlan = planAxis(depthIn, kernelIn, paddingIn, dilationIn);
    outDepth = depthPlan.output;
    rows = planAxis(height, kernelIn, paddingIn, dilationIn);
    columns = planAxis(width, kernelIn, paddingIn, dilationIn);
    const int64_t stride = rowStride();
    for (int64_t kh = rows.tapBegin; kh < rows.tapEnd; ++kh) {
        const int64_t row = kh * dilation - padding + rows.padLow;
        for (int64_t kw = columns.tapBegin; kw < columns.tapEnd; ++kw) {
            const int64_t column = kw * dilation - padding + columns.padLow;
            tapOffsets.push_back(row * stride + column);
            tapIndices.push_back(kh * kernel + kw);
        }
    }
}

int64_t PaddedPlaneLayout::runLength(int64_t vector) const {
    const int64_t flat = (rows.output - 1) * rowStride() + columns.output;
    return (flat + vector - 1) / vector * vector;
}

void PaddedPlaneLayout::depthTaps(int64_t od, int64_t& begin, int64_t& end) const {
    begin = std::max<int64_t>(0, ceilDivide(padding - od, dilation));
    end = std::min<int64_t>(kernel, floorDivide(depth - 1 + padding - od, dilation) + 1);
    end = std::max(begin, end);
}

}  // namespace logonet::model
