#include <cuda_bf16.h>
#include <cuda_fp16.h>
#include <cuda_runtime.h>

#include <stdexcept>
#include <string>

#include "depthwise/DepthwiseConvCudaLaunch.h"

namespace logonet::model::cuda {
namespace {

// Half-precision values are accumulated in float, float in float, double in double.
template <typename T>
struct Accumulate {
    using type = float;
};
template <>
struct Accumulate<double> {
    using type = double;
};

__device__ __forceinline__ float toAccumulate(float v) {
    return v;
}
__device__ __forceinline__ double toAccumulate(double v) {
    return v;
}
__device__ __forceinline__ float toAccumulate(__half v) {
    return __half2float(v);
}
__device__ __forceinline__ float toAccumulate(__nv_bfloat16 v) {
    return __bfloat162float(v);
}

template <typename T>
__device__ __forceinline__ T fromAccumulate(float v);
template <>
__device__ __forceinline__ float fromAccumulate<float>(float v) {
    return v;
}
template <>
__device__ __forceinline__ __half fromAccumulate<__half>(float v) {
    return __float2half(v);
}
template <>
__device__ __forceinline__ __nv_bfloat16 fromAccumulate<__nv_bfloat16>(float v) {
    return __float2bfloat16(v);
}
__device__ __forceinline__ double fromAccumulateDouble(double v) {
    return v;
}

template <typename T>
__device__ __forceinline__ T store(typename Accumulate<T>::type v) {
    if constexpr (sizeof(T) == sizeof(double)) {
        return fromAccumulateDouble(v);
    } else {
        return fromAccumulate<T>(v);
    }
}

// One thread per output voxel; W is the fastest index, so a warp reads neighbouring input
// values. KERNEL > 0 fixes the kernel size at compile time (the loops unroll); 0 reads it from
// the shape.
template <typename T, int KERNEL>
__global__ void depthwiseForwardKernel(const T* __restrict__ input, const T* __restrict__ weight,
                                       const T* __restrict__ bias, T* __restrict__ output,
                                       DepthwiseShape s, int64_t total) {
    using A = typename Accumulate<T>::type;
    const int k = KERNEL > 0 ? KERNEL : static_cast<int>(s.kernel);
    for (int64_t index = blockIdx.x * int64_t(blockDim.x) + threadIdx.x; index < total;
         index += int64_t(blockDim.x) * gridDim.x) {
        const int64_t ow = index % s.outWidth;
        const int64_t oh = (index / s.outWidth) % s.outHeight;
        const int64_t od = (index / (s.outWidth * s.outHeight)) % s.outDepth;
        const int64_t plane = index / (s.outWidth * s.outHeight * s.outDepth);
        const int64_t c = plane % s.channels;
        const T* in = input + plane * s.depth * s.height * s.width;
        const T* w = weight + c * k * k * k;
        A sum = bias ? toAccumulate(bias[c]) : A(0);
#pragma unroll
        for (int kd = 0; kd < k; ++kd) {
            const int64_t id = od - s.padding + kd * s.dilation;
            if (id < 0 || id >= s.depth) {
                continue;
            }
#pragma unroll
            for (int kh = 0; kh < k; ++kh) {
                const int64_t ih = oh - s.padding + kh * s.dilation;
                if (ih < 0 || ih >= s.height) {
                    continue;
                }
                const T* row = in + (id * s.height + ih) * s.width;
                const T* taps = w + (kd * k + kh) * k;
#pragma unroll
                for (int kw = 0; kw < k; ++kw) {
                    const int64_t iw = ow - s.padding + kw * s.dilation;
                    if (iw >= 0 && iw < s.width) {
                        sum += toAccumulate(__ldg(taps + kw)) * toAccumulate(__ldg(row + iw));
                    }
                }
            }
        }
        output[index] = store<T>(sum);
    }
}

// One block per (tap, channel): the block sums gradOutput * shifted input over every sample
// and output voxel of that channel, then reduces across its threads.
template <typename T>
__global__ void depthwiseWeightGradKernel(const T* __restrict__ gradOutput,
                                          const T* __restrict__ input, T* __restrict__ gradWeight,
                                          DepthwiseShape s) {
    using A = typename Accumulate<T>::type;
    const int64_t k = s.kernel;
    const int64_t tap = blockIdx.x;
    const int64_t c = blockIdx.y;
    const int64_t kd = tap / (k * k);
    const int64_t kh = (tap / k) % k;
    const int64_t kw = tap % k;
    const int64_t outPlane = s.outDepth * s.outHeight * s.outWidth;
    const int64_t inPlane = s.depth * s.height * s.width;
    A sum = 0;
    for (int64_t n = 0; n < s.batch; ++n) {
        const T* grad = gradOutput + (n * s.channels + c) * outPlane;
        const T* in = input + (n * s.channels + c) * inPlane;
        for (int64_t v = threadIdx.x; v < outPlane; v += blockDim.x) {
            const int64_t ow = v % s.outWidth;
            const int64_t oh = (v / s.outWidth) % s.outHeight;
            const int64_t od = v / (s.outWidth * s.outHeight);
            const int64_t id = od - s.padding + kd * s.dilation;
            const int64_t ih = oh - s.padding + kh * s.dilation;
            const int64_t iw = ow - s.padding + kw * s.dilation;
            if (id >= 0 && id < s.depth && ih >= 0 && ih < s.height && iw >= 0 && iw < s.width) {
                sum += toAccumulate(grad[v]) *
                       toAccumulate(__ldg(in + (id * s.height + ih) * s.width + iw));
            }
        }
    }
    for (int offset = 16; offset > 0; offset /= 2) {
        sum += __shfl_down_sync(0xffffffffu, sum, offset);
    }
    __shared__ A warpSums[32];
    const int lane = threadIdx.x % 32;
    const int warp = threadIdx.x / 32;
    if (lane == 0) {
        warpSums[warp] = sum;
    }
    __syncthreads();
    if (warp == 0) {
        const int warps = (blockDim.x + 31) / 32;
        sum = lane < warps ? warpSums[lane] : A(0);
        for (int offset = 16; offset > 0; offset /= 2) {
            sum += __shfl_down_sync(0xffffffffu, sum, offset);
        }
        if (lane == 0) {
            gradWeight[c * k * k * k + tap] = store<T>(sum);
        }
    }
}

void check(cudaError_t status, const char* what) {
    if (status != cudaSuccess) {
        throw std::runtime_error(std::string("depthwise convolution (CUDA): ") + what + ": " +
                                 cudaGetErrorString(status));
    }
}

template <typename T>
void forwardTyped(const void* input, const void* weight, const void* bias, void* output,
                  const DepthwiseShape& s, cudaStream_t stream) {
    const int64_t total = s.batch * s.channels * s.outDepth * s.outHeight * s.outWidth;
    if (total == 0) {
        return;
    }
    const int threads = 256;
    const int64_t wanted = (total + threads - 1) / threads;
    const unsigned blocks = static_cast<unsigned>(wanted < 65535 * 16 ? wanted : 65535 * 16);
    const auto* in = static_cast<const T*>(input);
    const auto* w = static_cast<const T*>(weight);
    const auto* b = static_cast<const T*>(bias);
    auto* out = static_cast<T*>(output);
    switch (s.kernel) {
        case 3:
            depthwiseForwardKernel<T, 3><<<blocks, threads, 0, stream>>>(in, w, b, out, s, total);
            break;
        case 5:
            depthwiseForwardKernel<T, 5><<<blocks, threads, 0, stream>>>(in, w, b, out, s, total);
            break;
        case 7:
            depthwiseForwardKernel<T, 7><<<blocks, threads, 0, stream>>>(in, w, b, out, s, total);
            break;
        default:
            depthwiseForwardKernel<T, 0><<<blocks, threads, 0, stream>>>(in, w, b, out, s, total);
    }
    check(cudaGetLastError(), "forward launch");
}

template <typename T>
void weightGradTyped(const void* gradOutput, const void* input, void* gradWeight,
                     const DepthwiseShape& s, cudaStream_t stream) {
    const dim3 blocks(static_cast<unsigned>(s.kernel * s.kernel * s.kernel),
                      static_cast<unsigned>(s.channels));
    depthwiseWeightGradKernel<T><<<blocks, 256, 0, stream>>>(static_cast<const T*>(gradOutput),
                                                             static_cast<const T*>(input),
                                                             static_cast<T*>(gradWeight), s);
    check(cudaGetLastError(), "weight gradient launch");
}

}  // namespace

void launchDepthwiseForward(ElementType type, const void* input, const void* weight,
                            const void* bias, void* output, const DepthwiseShape& shape,
                            void* stream) {
    const auto cudaStream = static_cast<cudaStream_t>(stream);
    switch (type) {
        case ElementType::Float:
            return forwardTyped<float>(input, weight, bias, output, shape, cudaStream);
        case ElementType::Double:
            return forwardTyped<double>(input, weight, bias, output, shape, cudaStream);
        case ElementType::Half:
            return forwardTyped<__half>(input, weight, bias, output, shape, cudaStream);
        case ElementType::BFloat16:
            return forwardTyped<__nv_bfloat16>(input, weight, bias, output, shape, cudaStream);
    }
}

void launchDepthwiseWeightGrad(ElementType type, const void* gradOutput, const void* input,
                               void* gradWeight, const DepthwiseShape& shape, void* stream) {
    if (shape.channels == 0) {
        return;
    }
    const auto cudaStream = static_cast<cudaStream_t>(stream);
    switch (type) {
        case ElementType::Float:
            return weightGradTyped<float>(gradOutput, input, gradWeight, shape, cudaStream);
        case ElementType::Double:
            return weightGradTyped<double>(gradOutput, input, gradWeight, shape, cudaStream);
        case ElementType::Half:
            return weightGradTyped<__half>(gradOutput, input, gradWeight, shape, cudaStream);
        case ElementType::BFloat16:
            return weightGradTyped<__nv_bfloat16>(gradOutput, input, gradWeight, shape, cudaStream);
    }
}

}  // namespace logonet::model::cuda
