#include "depthwise/DepthwiseConvKernel.h"

#include <ATen/Parallel.h>
#include <ATen/record_function.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>
#include <vector>

#include "depthwise/DepthwiseSliceLoops.h"
#include "depthwise/PaddedPlaneLayout.h"

namespace logonet::model {
namespace {

// Copies input slices [sliceBegin, sliceEnd) of one plane into the zero-padded layout. Only the
// interior is written: the padding of `padded` stays as the caller zeroed it.
template <typename T>
void copyIntoPadded(const T* plane, int64_t sliceBegin, int64_t sliceEnd,
                    const PaddedPlaneLayout& layout, T* padded) {
    const int64_t height = layout.rows.input;
    const int64_t width = layout.columns.input;
    for (int64_t id = sliceBegin; id < sliceEnd; ++id) {
        T* slice = padded + (id - sliceBegin) * layout.sliceSize();
        for (int64_t h = 0; h < height; ++h) {
            std::memcpy(
                slice + (h + layout.rows.padLow) * layout.rowStride() + layout.columns.padLow,
                plane + (id * height + h) * width, width * sizeof(T));
        }
    }
}

// Output slices [odBegin, odEnd) of one plane.
template <typename T>
void forwardSlices(const T* plane, const T* weights, T bias, T* output, int64_t odBegin,
                   int64_t odEnd, const PaddedPlaneLayout& layout, std::vector<T>& padded,
                   std::vector<T>& accumulator, std::vector<T>& taps) {
    const int64_t k = layout.kernel;
    const int64_t run = static_cast<int64_t>(accumulator.size());
    const int64_t tapCount = static_cast<int64_t>(layout.tapOffsets.size());
    const int64_t sliceBegin = std::max<int64_t>(0, odBegin - layout.padding);
    const int64_t sliceEnd =
        std::min(layout.depth, odEnd - layout.padding + (k - 1) * layout.dilation);
    copyIntoPadded(plane, sliceBegin, sliceEnd, layout, padded.data());
    const int64_t outHeight = layout.rows.output;
    const int64_t outWidth = layout.columns.output;
    for (int64_t od = odBegin; od < odEnd; ++od) {
        std::fill(accumulator.begin(), accumulator.end(), bias);
        int64_t kdBegin = 0;
        int64_t kdEnd = 0;
        layout.depthTaps(od, kdBegin, kdEnd);
        for (int64_t kd = kdBegin; kd < kdEnd && tapCount > 0; ++kd) {
            for (int64_t t = 0; t < tapCount; ++t) {
                taps[t] = weights[kd * k * k + layout.tapIndices[t]];
            }
            const T* slice =
                padded.data() + (layout.inputSlice(od, kd) - sliceBegin) * layout.sliceSize();
            accumulateTaps(accumulator.data(), slice, taps.data(), layout.tapOffsets.data(),
                           tapCount, run);
        }
        for (int64_t oh = 0; oh < outHeight; ++oh) {
            std::memcpy(output + (od * outHeight + oh) * outWidth,
                        accumulator.data() + oh * layout.rowStride(), outWidth * sizeof(T));
        }
    }
}

template <typename T>
void forwardPlanes(const T* input, const T* weight, const T* bias, T* output, int64_t planes,
                   int64_t channels, const PaddedPlaneLayout& layout) {
    const int64_t k = layout.kernel;
    const int64_t taps = k * k * k;
    const int64_t inPlane = layout.depth * layout.rows.input * layout.columns.input;
    const int64_t outDepth = layout.outDepth;
    const int64_t outPlane = outDepth * layout.rows.output * layout.columns.output;
    const int64_t run = layout.runLength(depthwiseVectorValues<T>());
    // Few planes (small batch and channel counts): split each plane's depth into chunks too,
    // so that every thread gets work.
    const int64_t wanted = 4 * static_cast<int64_t>(at::get_num_threads());
    const int64_t chunks =
        planes >= wanted ? 1 : std::min(outDepth, (wanted + planes - 1) / planes);
    const int64_t chunkDepth = (outDepth + chunks - 1) / chunks;
    const int64_t maxSlices = std::min(layout.depth, chunkDepth + (k - 1) * layout.dilation);
    // The flat runs read past the last slice by less than one run.
    const int64_t paddedSize = maxSlices * layout.sliceSize() + run + layout.sliceSize();
    at::parallel_for(0, planes * chunks, 1, [&](int64_t begin, int64_t end) {
        std::vector<T> padded(paddedSize, T(0));
        std::vector<T> accumulator(run);
        std::vector<T> tapBuffer(std::max<size_t>(1, layout.tapOffsets.size()));
        for (int64_t item = begin; item < end; ++item) {
            const int64_t plane = item / chunks;
            const int64_t odBegin = (item % chunks) * chunkDepth;
            const int64_t odEnd = std::min(outDepth, odBegin + chunkDepth);
            if (odBegin >= odEnd) {
                continue;
            }
            const int64_t c = plane % channels;
            forwardSlices<T>(input + plane * inPlane, weight + c * taps, bias ? bias[c] : T(0),
                             output + plane * outPlane, odBegin, odEnd, layout, padded, accumulator,
                             tapBuffer);
        }
    });
}

// Weight gradient of one channel, summed over the samples.
template <typename T>
void weightGradChannel(const T* input, const T* gradOutput, int64_t samples, int64_t planeStride,
                       int64_t inPlane, int64_t outPlane, const PaddedPlaneLayout& layout,
                       std::vector<T>& padded, std::vector<T>& gradRuns,
                       std::vector<double>& sliceSums, double* sums) {
    const int64_t k = layout.kernel;
    const int64_t run = layout.runLength(depthwiseVectorValues<T>());
    const int64_t tapCount = static_cast<int64_t>(layout.tapOffsets.size());
    const int64_t outHeight = layout.rows.output;
    const int64_t outWidth = layout.columns.output;
    for (int64_t n = 0; n < samples; ++n) {
        copyIntoPadded(input + n * planeStride * inPlane, 0, layout.depth, layout, padded.data());
        // The gradient in the flat-run layout; its padding columns stay zero, so they add
        // nothing to the correlations.
        const T* grad = gradOutput + n * planeStride * outPlane;
        for (int64_t od = 0; od < layout.outDepth; ++od) {
            for (int64_t oh = 0; oh < outHeight; ++oh) {
                std::memcpy(gradRuns.data() + od * run + oh * layout.rowStride(),
                            grad + (od * outHeight + oh) * outWidth, outWidth * sizeof(T));
            }
        }
        for (int64_t od = 0; od < layout.outDepth; ++od) {
            int64_t kdBegin = 0;
            int64_t kdEnd = 0;
            layout.depthTaps(od, kdBegin, kdEnd);
            for (int64_t kd = kdBegin; kd < kdEnd && tapCount > 0; ++kd) {
                std::fill(sliceSums.begin(), sliceSums.end(), 0.0);
                correlateTaps(sliceSums.data(), gradRuns.data() + od * run,
                              padded.data() + layout.inputSlice(od, kd) * layout.sliceSize(),
                              layout.tapOffsets.data(), tapCount, run);
                for (int64_t t = 0; t < tapCount; ++t) {
                    sums[kd * k * k + layout.tapIndices[t]] += sliceSums[t];
                }
            }
        }
    }
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

}  // namespace

torch::Tensor depthwiseConvForwardCpu(const torch::Tensor& inputIn, const torch::Tensor& weightIn,
                                      const torch::Tensor& biasIn, int64_t padding,
                                      int64_t dilation) {
    RECORD_FUNCTION("logonet::depthwise_conv3d_forward", std::vector<c10::IValue>({inputIn}));
    checkArguments(inputIn, weightIn);
    const torch::Tensor input = inputIn.contiguous();
    const torch::Tensor weight = weightIn.contiguous();
    const torch::Tensor bias = biasIn.defined() ? biasIn.contiguous() : biasIn;
    const PaddedPlaneLayout layout(input.size(2), input.size(3), input.size(4), weight.size(2),
                                   padding, dilation);
    torch::Tensor output = torch::empty(
        {input.size(0), input.size(1), layout.outDepth, layout.rows.output, layout.columns.output},
        input.options());
    AT_DISPATCH_FLOATING_TYPES(input.scalar_type(), "depthwiseConvForwardCpu", [&] {
        forwardPlanes<scalar_t>(input.data_ptr<scalar_t>(), weight.data_ptr<scalar_t>(),
                                bias.defined() ? bias.data_ptr<scalar_t>() : nullptr,
                                output.data_ptr<scalar_t>(), input.size(0) * input.size(1),
                                input.size(1), layout);
    });
    return output;
}

torch::Tensor depthwiseConvInputGradCpu(const torch::Tensor& gradOutput,
                                        const torch::Tensor& weight, int64_t padding,
                                        int64_t dilation) {
    RECORD_FUNCTION("logonet::depthwise_conv3d_input_grad", std::vector<c10::IValue>({gradOutput}));
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
    RECORD_FUNCTION("logonet::depthwise_conv3d_weight_grad", std::vector<c10::IValue>({inputIn}));
    const torch::Tensor input = inputIn.contiguous();
    const torch::Tensor gradOutput = gradOutputIn.contiguous();
    const PaddedPlaneLayout layout(input.size(2), input.size(3), input.size(4), kernel, padding,
                                   dilation);
    if (gradOutput.dim() != 5 || gradOutput.size(0) != input.size(0) ||
        gradOutput.size(1) != input.size(1) || gradOutput.size(2) != layout.outDepth ||
        gradOutput.size(3) != layout.rows.output || gradOutput.size(4) != layout.columns.output) {
        throw std::invalid_argument("depthwise convolution: gradient of the wrong size");
    }
    const int64_t samples = input.size(0);
    const int64_t channels = input.size(1);
    const int64_t taps = kernel * kernel * kernel;
    const int64_t inPlane = layout.depth * layout.rows.input * layout.columns.input;
    const int64_t outPlane = layout.outDepth * layout.rows.output * layout.columns.output;
    torch::Tensor gradWeight = torch::zeros({channels, 1, kernel, kernel, kernel}, input.options());
    AT_DISPATCH_FLOATING_TYPES(input.scalar_type(), "depthwiseConvWeightGradCpu", [&] {
        const scalar_t* in = input.data_ptr<scalar_t>();
        const scalar_t* gradOut = gradOutput.data_ptr<scalar_t>();
        scalar_t* gw = gradWeight.data_ptr<scalar_t>();
        const int64_t run = layout.runLength(depthwiseVectorValues<scalar_t>());
        // Channels are independent; each owns its taps, so no reduction across threads.
        at::parallel_for(0, channels, 1, [&](int64_t begin, int64_t end) {
            std::vector<scalar_t> padded(layout.depth * layout.sliceSize() + run, scalar_t(0));
            std::vector<scalar_t> gradRuns(layout.outDepth * run, scalar_t(0));
            std::vector<double> sliceSums(std::max<size_t>(1, layout.tapOffsets.size()));
            std::vector<double> sums(taps);
            for (int64_t c = begin; c < end; ++c) {
                std::fill(sums.begin(), sums.end(), 0.0);
                weightGradChannel<scalar_t>(in + c * inPlane, gradOut + c * outPlane, samples,
                                            channels, inPlane, outPlane, layout, padded, gradRuns,
                                            sliceSums, sums.data());
                for (int64_t t = 0; t < taps; ++t) {
                    gw[c * taps + t] = static_cast<scalar_t>(sums[t]);
                }
            }
        });
    });
    return gradWeight;
}

}  // namespace logonet::model
