#include "blocks/ConvMlp.h"

namespace logonet::model {

ConvMlpImpl::ConvMlpImpl(const ConvMlpOptions& options) {
    const int64_t c = options.channels();
    const int64_t hidden = c * options.ratio();
    fc1 = register_module("fc1", Conv3dLayer(torch::nn::Conv3dOptions(c, hidden, 1)));
    depthwise = register_module(
        "depthwise", DepthwiseConv3d(DepthwiseConv3dOptions(hidden, 3).fast(options.fast())));
    fc2 = register_module("fc2", Conv3dLayer(torch::nn::Conv3dOptions(hidden, c, 1)));
}

torch::Tensor ConvMlpImpl::forward(const torch::Tensor& input) {
    return fc2(torch::gelu(depthwise(fc1(input))));
}

}  // namespace logonet::model
