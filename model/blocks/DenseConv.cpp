#include "blocks/DenseConv.h"

#include <ATen/Context.h>
#include <ATen/autocast_mode.h>

#include "blocks/DenseConvFunction.h"

namespace logonet::model {
namespace {

bool allEqual(torch::IntArrayRef values, int64_t expected) {
    for (const int64_t value : values) {
        if (value != expected) {
            return false;
        }
    }
    return true;
}

// Per shape by measurement (docs/BENCHMARKS.md, issue 12, forward + backward): the shifted
// products win on the 3^3 convolutions of 12^3..24^3 maps up to 128*128 channels at 12^3 (32->32
// on 24^3: 12.7 ms against 31.5 with the library weight gradient, 60.5 with oneDNN's autograd);
// the library weight gradient wins on 6^3 maps and larger products (64->64 on 24^3: 22.8 against
// 40.5 ms). On logonet-tiny's 32^3 maps (batch 2) they win only with few channels: 4->8 and 8->4
// in 9.5 and 8.9 ms against 15.4 and 14.8 (1 thread; 16 against 18 and 24 on 2 threads), while
// 14->14 and 12->14 are no faster (37 against 39, 31 against 35 ms).
bool shiftedProductsWin(const torch::Tensor& input, const torch::Tensor& weight) {
    const int64_t voxels = input.size(2) * input.size(3) * input.size(4);
    const int64_t channelPairs = weight.size(0) * weight.size(1);
    if (weight.size(2) * weight.size(3) * weight.size(4) == 1 || voxels < 12 * 12 * 12) {
        return false;
    }
    if (voxels <= 24 * 24 * 24) {
        return channelPairs * voxels <= 128 * 128 * 12 * 12 * 12;
    }
    return voxels <= 32 * 32 * 32 && channelPairs <= 32;
}

// Per shape by measurement (issue 12, docs/BENCHMARKS.md): on logonet-tiny's 16^3..32^3 maps
// with few channels, oneDNN in channels-last layout with LibTorch's own backward beats both
// routes above several times in a training step (7->7 3^3 on 32^3, batch 2, 1 thread, forward +
// backward: 8.8 ms against 30 ms in NCDHW; `bench train --arch logonet-tiny --crop 32`: 5.9-6.5
// -> 7.3 it/s on 1 thread, 7.1-7.7 -> 8.4-8.9 on 2). Larger maps and channel counts (LoGoNet's)
// are not measured this way and keep their routes.
bool channelsLastWins(const torch::Tensor& input, const torch::Tensor& weight) {
    const int64_t voxels = input.size(2) * input.size(3) * input.size(4);
    const int64_t channelPairs = weight.size(0) * weight.size(1);
    return weight.size(2) * weight.size(3) * weight.size(4) > 1 && voxels >= 16 * 16 * 16 &&
           voxels <= 32 * 32 * 32 && channelPairs <= 12 * 12;
}

}  // namespace

bool denseConvUsesOneDnn(const torch::Tensor& input, const torch::Tensor& weight) {
    // Under CPU autocast torch::conv3d itself runs in bfloat16 on oneDNN; a direct call would not
    // be cast and would stay in float32.
    return !at::autocast::is_autocast_enabled(at::kCPU) && at::hasMKLDNN() &&
           at::globalContext().userEnabledMkldnn() && input.device().is_cpu() &&
           input.scalar_type() == torch::kFloat && weight.scalar_type() == torch::kFloat &&
           input.dim() == 5 && !input.is_mkldnn();
}

torch::Tensor denseConv3d(const torch::Tensor& input, const torch::Tensor& weight,
                          const torch::Tensor& bias, torch::IntArrayRef stride,
                          torch::IntArrayRef padding, torch::IntArrayRef dilation, int64_t groups,
                          bool fast) {
    const bool training = fast && denseConvUsesOneDnn(input, weight) &&
                          torch::GradMode::is_enabled() &&
                          (input.requires_grad() || weight.requires_grad());
    if (training && channelsLastWins(input, weight)) {
        // The output stays channels-last, so the next layers' maps need no conversion.
        return at::mkldnn_convolution(input.contiguous(torch::MemoryFormat::ChannelsLast3d), weight,
                                      bias, padding, stride, dilation, groups);
    }
    if (training && allEqual(stride, 1) && allEqual(dilation, 1) && groups == 1) {
        bool paddingFits = true;
        for (int axis = 0; axis < 3; ++axis) {
            paddingFits = paddingFits && padding[axis] < weight.size(2 + axis);
        }
        if (paddingFits) {
            // Training: the input gradient as a forward convolution beats oneDNN's backward-data.
            return denseConv3dForwardBackward(input, weight, bias, padding.vec(),
                                              shiftedProductsWin(input, weight)
                                                  ? DenseWeightGradient::ShiftedProducts
                                                  : DenseWeightGradient::Library);
        }
    }
    if (fast && denseConvUsesOneDnn(input, weight)) {
        // Differentiable: its backward is LibTorch's convolution_backward.
        return at::mkldnn_convolution(input.contiguous(), weight.contiguous(), bias, padding,
                                      stride, dilation, groups);
    }
    return torch::conv3d(input, weight, bias, stride, padding, dilation, groups);
}

}  // namespace logonet::model
