#include "baselines/ResidualBlock.h"
#include "blocks/CountedConv.h"

#include "blocks/BatchNormFolding.h"

namespace logonet::model {

ResidualBlockImpl::ResidualBlockImpl(const ResidualBlockOptions& options) : options_(options) {
    using torch::nn::Conv3dOptions;
    const int64_t in = options.inChannels();
    const int64_t out = options.outChannels();
    conv1 = register_module(
        "conv1", Conv3dLayer(Conv3dOptions(in, out, 3).stride(options.stride()).padding(1)));
    norm1 = register_module("norm1", torch::nn::BatchNorm3d(out));
    conv2 = register_module("conv2", Conv3dLayer(Conv3dOptions(out, out, 3).padding(1)));
    norm2 = register_module("norm2", torch::nn::BatchNorm3d(out));
    if (in != out || options.stride() != 1) {
        shortcutConv = register_module(
            "shortcut_conv", Conv3dLayer(Conv3dOptions(in, out, 1).stride(options.stride())));
        shortcutNorm = register_module("shortcut_norm", torch::nn::BatchNorm3d(out));
    }
}

torch::Tensor ResidualBlockImpl::convNorm(const torch::Tensor& x, Conv3dLayer& conv,
                                          torch::nn::BatchNorm3d& norm, int64_t padding) {
    if (options_.fast() && batchNormIsFoldable(norm)) {
        return convWithFoldedBatchNorm(x, *conv, norm);
    }
    return norm(conv(x));
}

torch::Tensor ResidualBlockImpl::forward(const torch::Tensor& input) {
    torch::Tensor x = convNorm(input, conv1, norm1, 1);
    torch::leaky_relu_(x, 0.01);
    x = convNorm(x, conv2, norm2, 1);
    x = x + (shortcutConv ? convNorm(input, shortcutConv, shortcutNorm, 0) : input);
    return torch::leaky_relu_(x, 0.01);
}

}  // namespace logonet::model
