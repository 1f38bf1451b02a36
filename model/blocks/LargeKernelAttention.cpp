#include "blocks/LargeKernelAttention.h"

namespace logonet::model {

LargeKernelAttentionImpl::LargeKernelAttentionImpl(const LargeKernelAttentionOptions& options) {
    const int64_t c = options.channels();
    norm = register_module("norm", torch::nn::BatchNorm3d(c));
    local = register_module(
        "local",
        DepthwiseConv3d(DepthwiseConv3dOptions(c, options.localKernel()).fast(options.fast())));
    dilated = register_module(
        "dilated",
        DepthwiseConv3d(DepthwiseConv3dOptions(c, options.dilatedKernel(), options.dilation())
                            .fast(options.fast())));
    pointwise = register_module("pointwise", Conv3dLayer(torch::nn::Conv3dOptions(c, c, 1)));
}

torch::Tensor LargeKernelAttentionImpl::forward(const torch::Tensor& input) {
    const torch::Tensor attention = pointwise(dilated(local(norm(input))));
    return input * attention;
}

}  // namespace logonet::model
