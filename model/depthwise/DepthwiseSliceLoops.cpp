#include "depthwise/DepthwiseSliceLoops.h"

#include <cstring>

// The loops are written with GCC/Clang vector types of 64 bytes and compiled for several
// instruction sets, picked once at run time: Debian builds for baseline x86-64 (SSE2), while the
// machines that run this have AVX2 or AVX-512. A 64-byte vector is one AVX-512 register, two
// AVX2 registers or four SSE/NEON registers. GCC's target_clones is not used: its resolver
// matched no clone on this project's (virtualised) AVX-512 machines and ran the SSE2 loops.
#if (defined(__GNUC__) || defined(__clang__)) && defined(__x86_64__)
#define LOGONET_X86_VARIANTS 1
#define LOGONET_TARGET_AVX512 __attribute__((target("avx512f,avx2,fma")))
#define LOGONET_TARGET_AVX2 __attribute__((target("avx2,fma")))
#endif

#pragma GCC diagnostic ignored "-Wpsabi"

namespace logonet::model {
namespace {

typedef float FloatVector __attribute__((vector_size(64)));
typedef double DoubleVector __attribute__((vector_size(64)));

template <typename T>
struct VectorOf;
template <>
struct VectorOf<float> {
    using type = FloatVector;
};
template <>
struct VectorOf<double> {
    using type = DoubleVector;
};

#define LOGONET_LOAD(vector, pointer) std::memcpy(&(vector), (pointer), sizeof(vector))
#define LOGONET_STORE(pointer, vector) std::memcpy((pointer), &(vector), sizeof(vector))

// Four vectors of outputs stay in registers while all taps of a slice are added, so that each
// tap costs one broadcast, four loads and four multiply-adds.
template <typename T>
inline __attribute__((always_inline)) void accumulateTapsBody(T* accumulator, const T* source,
                                                              const T* taps, const int64_t* offsets,
                                                              int64_t tapCount, int64_t length) {
    using V = typename VectorOf<T>::type;
    constexpr int64_t n = depthwiseVectorValues<T>();
    int64_t i = 0;
    for (; i + 4 * n <= length; i += 4 * n) {
        V a0, a1, a2, a3;
        LOGONET_LOAD(a0, accumulator + i);
        LOGONET_LOAD(a1, accumulator + i + n);
        LOGONET_LOAD(a2, accumulator + i + 2 * n);
        LOGONET_LOAD(a3, accumulator + i + 3 * n);
        for (int64_t t = 0; t < tapCount; ++t) {
            const T w = taps[t];
            const T* s = source + offsets[t] + i;
            V s0, s1, s2, s3;
            LOGONET_LOAD(s0, s);
            LOGONET_LOAD(s1, s + n);
            LOGONET_LOAD(s2, s + 2 * n);
            LOGONET_LOAD(s3, s + 3 * n);
            a0 += w * s0;
            a1 += w * s1;
            a2 += w * s2;
            a3 += w * s3;
        }
        LOGONET_STORE(accumulator + i, a0);
        LOGONET_STORE(accumulator + i + n, a1);
        LOGONET_STORE(accumulator + i + 2 * n, a2);
        LOGONET_STORE(accumulator + i + 3 * n, a3);
    }
    for (; i < length; i += n) {
        V a0;
        LOGONET_LOAD(a0, accumulator + i);
        for (int64_t t = 0; t < tapCount; ++t) {
            V s0;
            LOGONET_LOAD(s0, source + offsets[t] + i);
            a0 += taps[t] * s0;
        }
        LOGONET_STORE(accumulator + i, a0);
    }
}

template <typename T>
inline __attribute__((always_inline)) double sumLanes(const typename VectorOf<T>::type& v) {
    double total = 0;
    for (int64_t lane = 0; lane < depthwiseVectorValues<T>(); ++lane) {
        total += v[lane];
    }
    return total;
}

// Four taps at a time share each load of `weights`.
template <typename T>
inline __attribute__((always_inline)) void correlateTapsBody(double* sums, const T* weights,
                                                             const T* source,
                                                             const int64_t* offsets,
                                                             int64_t tapCount, int64_t length) {
    using V = typename VectorOf<T>::type;
    constexpr int64_t n = depthwiseVectorValues<T>();
    int64_t t = 0;
    for (; t + 4 <= tapCount; t += 4) {
        const T* p0 = source + offsets[t];
        const T* p1 = source + offsets[t + 1];
        const T* p2 = source + offsets[t + 2];
        const T* p3 = source + offsets[t + 3];
        V c0 = {}, c1 = {}, c2 = {}, c3 = {};
        for (int64_t i = 0; i < length; i += n) {
            V g, s0, s1, s2, s3;
            LOGONET_LOAD(g, weights + i);
            LOGONET_LOAD(s0, p0 + i);
            LOGONET_LOAD(s1, p1 + i);
            LOGONET_LOAD(s2, p2 + i);
            LOGONET_LOAD(s3, p3 + i);
            c0 += g * s0;
            c1 += g * s1;
            c2 += g * s2;
            c3 += g * s3;
        }
        sums[t] += sumLanes<T>(c0);
        sums[t + 1] += sumLanes<T>(c1);
        sums[t + 2] += sumLanes<T>(c2);
        sums[t + 3] += sumLanes<T>(c3);
    }
    for (; t < tapCount; ++t) {
        const T* p0 = source + offsets[t];
        V c0 = {};
        for (int64_t i = 0; i < length; i += n) {
            V g, s0;
            LOGONET_LOAD(g, weights + i);
            LOGONET_LOAD(s0, p0 + i);
            c0 += g * s0;
        }
        sums[t] += sumLanes<T>(c0);
    }
}

// One function per (loop, type, instruction set).
#define LOGONET_SLICE_LOOPS(SUFFIX, TARGET)                                               \
    TARGET void accumulateTapsFloat##SUFFIX(float* a, const float* s, const float* t,     \
                                            const int64_t* o, int64_t n, int64_t l) {     \
        accumulateTapsBody<float>(a, s, t, o, n, l);                                      \
    }                                                                                     \
    TARGET void accumulateTapsDouble##SUFFIX(double* a, const double* s, const double* t, \
                                             const int64_t* o, int64_t n, int64_t l) {    \
        accumulateTapsBody<double>(a, s, t, o, n, l);                                     \
    }                                                                                     \
    TARGET void correlateTapsFloat##SUFFIX(double* r, const float* w, const float* s,     \
                                           const int64_t* o, int64_t n, int64_t l) {      \
        correlateTapsBody<float>(r, w, s, o, n, l);                                       \
    }                                                                                     \
    TARGET void correlateTapsDouble##SUFFIX(double* r, const double* w, const double* s,  \
                                            const int64_t* o, int64_t n, int64_t l) {     \
        correlateTapsBody<double>(r, w, s, o, n, l);                                      \
    }

LOGONET_SLICE_LOOPS(Baseline, )
#ifdef LOGONET_X86_VARIANTS
LOGONET_SLICE_LOOPS(Avx2, LOGONET_TARGET_AVX2)
LOGONET_SLICE_LOOPS(Avx512, LOGONET_TARGET_AVX512)
#endif

enum class InstructionSet { Baseline, Avx2, Avx512 };

InstructionSet detectInstructionSet() {
#ifdef LOGONET_X86_VARIANTS
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("fma")) {
        return InstructionSet::Avx512;
    }
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
        return InstructionSet::Avx2;
    }
#endif
    return InstructionSet::Baseline;
}

// The CPU does not change while the process runs: detect once.
InstructionSet instructionSet() {
    static const InstructionSet detected = detectInstructionSet();
    return detected;
}

#ifdef LOGONET_X86_VARIANTS
#define LOGONET_DISPATCH(NAME, ...)           \
    switch (instructionSet()) {               \
        case InstructionSet::Avx512:          \
            return NAME##Avx512(__VA_ARGS__); \
        case InstructionSet::Avx2:            \
            return NAME##Avx2(__VA_ARGS__);   \
        case InstructionSet::Baseline:        \
            break;                            \
    }                                         \
    return NAME##Baseline(__VA_ARGS__)
#else
#define LOGONET_DISPATCH(NAME, ...) return NAME##Baseline(__VA_ARGS__)
#endif

}  // namespace

void accumulateTaps(float* accumulator, const float* source, const float* taps,
                    const int64_t* offsets, int64_t tapCount, int64_t length) {
    LOGONET_DISPATCH(accumulateTapsFloat, accumulator, source, taps, offsets, tapCount, length);
}

void accumulateTaps(double* accumulator, const double* source, const double* taps,
                    const int64_t* offsets, int64_t tapCount, int64_t length) {
    LOGONET_DISPATCH(accumulateTapsDouble, accumulator, source, taps, offsets, tapCount, length);
}

void correlateTaps(double* sums, const float* weights, const float* source, const int64_t* offsets,
                   int64_t tapCount, int64_t length) {
    LOGONET_DISPATCH(correlateTapsFloat, sums, weights, source, offsets, tapCount, length);
}

void correlateTaps(double* sums, const double* weights, const double* source,
                   const int64_t* offsets, int64_t tapCount, int64_t length) {
    LOGONET_DISPATCH(correlateTapsDouble, sums, weights, source, offsets, tapCount, length);
}

}  // namespace logonet::model
