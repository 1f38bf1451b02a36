#include "blocks/SpatialAttention.h"

namespace logonet::model {

SpatialAttentionImpl::SpatialAttentionImpl(const LargeKernelAttentionOptions& options) {
    const int64_t c = options.channels();
    proj1 = register_module("proj1", Conv3dLayer(torch::nn::Conv3dOptions(c, c, 1)));
    attention = register_module("attention", LargeKernelAttention(options));
    proj2 = register_module("proj2", Conv3dLayer(torch::nn::Conv3dOptions(c, c, 1)));
}

torch::Tensor SpatialAttentionImpl::forward(const torch::Tensor& input) {
    return proj2(attention(torch::gelu(proj1(input)))) + input;
}

}  // namespace logonet::model
