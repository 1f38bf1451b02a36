#include "blocks/EncoderBlock.h"

namespace logonet::model {

EncoderBlockImpl::EncoderBlockImpl(const EncoderBlockOptions& options) {
    const int64_t c = options.dim();
    norm1 = register_module("norm1", torch::nn::BatchNorm3d(c));
    attention = register_module(
        "attention", SpatialAttention(LargeKernelAttentionOptions(c).fast(options.fast())));
    norm2 = register_module("norm2", torch::nn::BatchNorm3d(c));
    mlp =
        register_module("mlp", ConvMlp(ConvMlpOptions(c, options.mlpRatio()).fast(options.fast())));
    layerScale1 = register_parameter("layer_scale1", torch::full({c}, options.layerScaleInit()));
    layerScale2 = register_parameter("layer_scale2", torch::full({c}, options.layerScaleInit()));
}

torch::Tensor EncoderBlockImpl::forward(const torch::Tensor& input) {
    const auto broadcast = [](const torch::Tensor& scale) { return scale.view({1, -1, 1, 1, 1}); };
    torch::Tensor x = input + broadcast(layerScale1) * attention(norm1(input));
    return x + broadcast(layerScale2) * mlp(norm2(x));
}

}  // namespace logonet::model
