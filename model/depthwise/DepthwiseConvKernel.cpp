#include "depthwise/DepthwiseConvKernel.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <stdexcept>
#include <vector>

// The loops are compiled for several instruction sets and picked at run time: Debian builds for
// baseline x86-64 (SSE2), while the machines that run this have AVX2 or AVX-512.
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
#define LOGONET_CPU_CLONES \
    __attribute__((target_clones("arch=skylake-avx512", "arch=haswell", "default")))
#else
#define LOGONET_CPU_CLONES
#endif

namespace logonet::model {
namespace {

struct Geometry {
    int64_t depth, height, width;           // input
    int64_t outDepth, outHeight, outWidth;  // output
    int64_t kernel, padding, dilation;
};

// Valid output range [begin, end) along one axis for tap offset `offset` (input = output + offset).
inline void validRange(int64_t offset, int64_t inputSize, int64_t outputSize, int64_t& begin,
                       int64_t& end) {
    begin = std::max<int64_t>(0, -offset);
    end = std::min<int64_t>(outputSize, inputSize - offset);
}

template <typename T>
inline __attribute__((always_inline)) void forwardSlices(const T* in, const T* w, T biasValue,
                                                         T* out, const Geometry& g,
                                                         int64_t sliceBegin, int64_t sliceEnd) {
    const int64_t k = g.kernel;
    for (int64_t od = sliceBegin; od < sliceEnd; ++od) {
        for (int64_t oh = 0; oh < g.outHeight; ++oh) {
            T* outRow = out + (od * g.outHeight + oh) * g.outWidth;
            for (int64_t ow = 0; ow < g.outWidth; ++ow) {
                outRow[ow] = biasValue;
            }
            for (int64_t kd = 0; kd < k; ++kd) {
                const int64_t id = od - g.padding + kd * g.dilation;
                if (id < 0 || id >= g.depth) {
                    continue;
                }
                for (int64_t kh = 0; kh < k; ++kh) {
                    const int64_t ih = oh - g.padding + kh * g.dilation;
                    if (ih < 0 || ih >= g.height) {
                        continue;
                    }
                    const T* inRow = in + (id * g.height + ih) * g.width;
                    const T* taps = w + (kd * k + kh) * k;
                    for (int64_t kw = 0; kw < k; ++kw) {
                        const int64_t offset = kw * g.dilation - g.padding;
                        int64_t begin = 0;
                        int64_t end = 0;
                        validRange(offset, g.width, g.outWidth, begin, end);
                        const T tap = taps[kw];
                        const T* shifted = inRow + offset;
                        for (int64_t ow = begin; ow < end; ++ow) {
                            outRow[ow] += tap * shifted[ow];
                        }
                    }
                }
            }
        }
    }
}

template <typename T>
inline __attribute__((always_inline)) void weightGradPlane(const T* gradOut, const T* in,
                                                           T* gradWeight, const Geometry& g) {
    const int64_t k = g.kernel;
    for (int64_t od = 0; od < g.outDepth; ++od) {
        for (int64_t kd = 0; kd < k; ++kd) {
            const int64_t id = od - g.padding + kd * g.dilation;
            if (id < 0 || id >= g.depth) {
                continue;
            }
            for (int64_t oh = 0; oh < g.outHeight; ++oh) {
                const T* gradRow = gradOut + (od * g.outHeight + oh) * g.outWidth;
                for (int64_t kh = 0; kh < k; ++kh) {
                    const int64_t ih = oh - g.padding + kh * g.dilation;
                    if (ih < 0 || ih >= g.height) {
                        continue;
                    }
                    const T* inRow = in + (id * g.height + ih) * g.width;
                    T* taps = gradWeight + (kd * k + kh) * k;
                    for (int64_t kw = 0; kw < k; ++kw) {
                        const int64_t offset = kw * g.dilation - g.padding;
                        int64_t begin = 0;
                        int64_t end = 0;
                        validRange(offset, g.width, g.outWidth, begin, end);
                        const T* shifted = inRow + offset;
                        T sum = 0;
                        for (int64_t ow = begin; ow < end; ++ow) {
                            sum += gradRow[ow] * shifted[ow];
                        }
                        taps[kw] += sum;
                    }
                }
            }
        }
    }
}

LOGONET_CPU_CLONES void forwardSlicesFloat(const float* in, const float* w, float biasValue,
                                           float* out, const Geometry& g, int64_t sliceBegin,
                                           int64_t sliceEnd) {
    forwardSlices<float>(in, w, biasValue, out, g, sliceBegin, sliceEnd);
}

LOGONET_CPU_CLONES void weightGradPlaneFloat(const float* gradOut, const float* in,
                                             float* gradWeight, const Geometry& g) {
    weightGradPlane<float>(gradOut, in, gradWeight, g);
}

void forwardSlicesAny(const float* in, const float* w, float biasValue, float* out,
                      const Geometry& g, int64_t sliceBegin, int64_t sliceEnd) {
    forwardSlicesFloat(in, w, biasValue, out, g, sliceBegin, sliceEnd);
}
void forwardSlicesAny(const double* in, const double* w, double biasValue, double* out,
                      const Geometry& g, int64_t sliceBegin, int64_t sliceEnd) {
    forwardSlices<double>(in, w, biasValue, out, g, sliceBegin, sliceEnd);
}
void weightGradPlaneAny(const float* gradOut, const float* in, float* gradWeight,
                        const Geometry& g) {
    weightGradPlaneFloat(gradOut, in, gradWeight, g);
}
void weightGradPlaneAny(const double* gradOut, const double* in, double* gradWeight,
                        const Geometry& g) {
    weightGradPlane<double>(gradOut, in, gradWeight, g);
}

void checkArguments(const torch::Tensor& input, const torch::Tensor& weight) {
    if (input.dim() != 5 || weight.dim() != 5 || weight.size(1) != 1 ||
        weight.size(0) != input.size(1) || weight.size(2) != weight.size(3) ||
        weight.size(2) != weight.size(4)) {
        throw std::invalid_argument(
            "depthwise convolution: expected input (N, C, D, H, W) and "
            "weight (C, 1, k, k, k)");
    }
    if (!input.device().is_cpu() || input.scalar_type() != weight.scalar_type()) {
        throw std::invalid_argument("depthwise convolution: CPU tensors of one type expected");
    }
}

Geometry makeGeometry(const torch::Tensor& input, int64_t kernel, int64_t padding,
                      int64_t dilation) {
    Geometry g{};
    g.depth = input.size(2);
    g.height = input.size(3);
    g.width = input.size(4);
    g.kernel = kernel;
    g.padding = padding;
    g.dilation = dilation;
    const int64_t span = dilation * (kernel - 1);
    g.outDepth = g.depth + 2 * padding - span;
    g.outHeight = g.height + 2 * padding - span;
    g.outWidth = g.width + 2 * padding - span;
    if (g.outDepth < 1 || g.outHeight < 1 || g.outWidth < 1) {
        throw std::invalid_argument("depthwise convolution: input smaller than the kernel");
    }
    return g;
}

}  // namespace

torch::Tensor depthwiseConvForwardCpu(const torch::Tensor& inputIn, const torch::Tensor& weightIn,
                                      const torch::Tensor& biasIn, int64_t padding,
                                      int64_t dilation) {
    checkArguments(inputIn, weightIn);
    const torch::Tensor input = inputIn.contiguous();
    const torch::Tensor weight = weightIn.contiguous();
    const torch::Tensor bias = biasIn.defined() ? biasIn.contiguous() : biasIn;
    const int64_t channels = input.size(1);
    const Geometry g = makeGeometry(input, weight.size(2), padding, dilation);
    torch::Tensor output = torch::empty(
        {input.size(0), channels, g.outDepth, g.outHeight, g.outWidth}, input.options());
    const int64_t planes = input.size(0) * channels;
    const int64_t inPlane = g.depth * g.height * g.width;
    const int64_t outPlane = g.outDepth * g.outHeight * g.outWidth;
    const int64_t taps = g.kernel * g.kernel * g.kernel;
    // One work item = one output slice of one plane; a grain of ~32k multiply-adds keeps the
    // scheduling cost negligible.
    const int64_t sliceCost = std::max<int64_t>(1, g.outHeight * g.outWidth * taps);
    const int64_t grain = std::max<int64_t>(1, 32768 / sliceCost);
    AT_DISPATCH_FLOATING_TYPES(input.scalar_type(), "depthwiseConvForwardCpu", [&] {
        const scalar_t* in = input.data_ptr<scalar_t>();
        const scalar_t* w = weight.data_ptr<scalar_t>();
        const scalar_t* b = bias.defined() ? bias.data_ptr<scalar_t>() : nullptr;
        scalar_t* out = output.data_ptr<scalar_t>();
        at::parallel_for(0, planes * g.outDepth, grain, [&](int64_t begin, int64_t end) {
            int64_t item = begin;
            while (item < end) {
                const int64_t plane = item / g.outDepth;
                const int64_t sliceBegin = item % g.outDepth;
                const int64_t sliceEnd = std::min(g.outDepth, sliceBegin + (end - item));
                const int64_t c = plane % channels;
                forwardSlicesAny(in + plane * inPlane, w + c * taps, b ? b[c] : scalar_t(0),
                                 out + plane * outPlane, g, sliceBegin, sliceEnd);
                item += sliceEnd - sliceBegin;
            }
        });
    });
    return output;
}

torch::Tensor depthwiseConvInputGradCpu(const torch::Tensor& gradOutput,
                                        const torch::Tensor& weight, int64_t padding,
                                        int64_t dilation) {
    const int64_t kernel = weight.size(2);
    const int64_t mirroredPadding = dilation * (kernel - 1) - padding;
    if (mirroredPadding < 0) {
        throw std::invalid_argument("depthwise convolution: padding larger than the kernel span");
    }
    return depthwiseConvForwardCpu(gradOutput, weight.flip({2, 3, 4}), torch::Tensor(),
                                   mirroredPadding, dilation);
}

torch::Tensor depthwiseConvWeightGradCpu(const torch::Tensor& gradOutputIn,
                                         const torch::Tensor& inputIn, int64_t kernel,
                                         int64_t padding, int64_t dilation) {
    const torch::Tensor input = inputIn.contiguous();
    const torch::Tensor gradOutput = gradOutputIn.contiguous();
    const Geometry g = makeGeometry(input, kernel, padding, dilation);
    if (gradOutput.size(2) != g.outDepth || gradOutput.size(3) != g.outHeight ||
        gradOutput.size(4) != g.outWidth) {
        throw std::invalid_argument("depthwise convolution: gradient of the wrong size");
    }
    const int64_t samples = input.size(0);
    const int64_t channels = input.size(1);
    const int64_t taps = kernel * kernel * kernel;
    const int64_t inPlane = g.depth * g.height * g.width;
    const int64_t outPlane = g.outDepth * g.outHeight * g.outWidth;
    torch::Tensor gradWeight = torch::zeros({channels, 1, kernel, kernel, kernel}, input.options());
    AT_DISPATCH_FLOATING_TYPES(input.scalar_type(), "depthwiseConvWeightGradCpu", [&] {
        const scalar_t* in = input.data_ptr<scalar_t>();
        const scalar_t* gradOut = gradOutput.data_ptr<scalar_t>();
        scalar_t* gw = gradWeight.data_ptr<scalar_t>();
        // Channels are independent; each owns its taps, so no reduction across threads.
        at::parallel_for(0, channels, 1, [&](int64_t begin, int64_t end) {
            for (int64_t c = begin; c < end; ++c) {
                for (int64_t n = 0; n < samples; ++n) {
                    const int64_t plane = n * channels + c;
                    weightGradPlaneAny(gradOut + plane * outPlane, in + plane * inPlane,
                                       gw + c * taps, g);
                }
            }
        });
    });
    return gradWeight;
}

}  // namespace logonet::model
