#pragma once

#include <cstdint>

namespace logonet::model {

// The innermost loops of the CPU depthwise convolution, on one flat slice of the padded layout
// (see PaddedPlaneLayout). `length` is a multiple of depthwiseVectorValues<T>(); every read of
// source[offset + i] for i < length must lie inside the caller's buffer.

template <typename T>
constexpr int64_t depthwiseVectorValues() {
    return 64 / sizeof(T);
}

// accumulator[i] += sum_t taps[t] * source[offsets[t] + i], for i in [0, length).
void accumulateTaps(float* accumulator, const float* source, const float* taps,
                    const int64_t* offsets, int64_t tapCount, int64_t length);
void accumulateTaps(double* accumulator, const double* source, const double* taps,
                    const int64_t* offsets, int64_t tapCount, int64_t length);

// sums[t] += sum_i weights[i] * source[offsets[t] + i], for t in [0, tapCount).
void correlateTaps(double* sums, const float* weights, const float* source, const int64_t* offsets,
                   int64_t tapCount, int64_t length);
void correlateTaps(double* sums, const double* weights, const double* source,
                   const int64_t* offsets, int64_t tapCount, int64_t length);

}  // namespace logonet::model
