#include "heads/PretrainHead.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace logonet::model {

ConvUnitImpl::ConvUnitImpl(int64_t in, int64_t out, int64_t kernel) {
    conv_ = register_module(
        "conv", torch::nn::Conv3d(torch::nn::Conv3dOptions(in, out, kernel).padding(kernel / 2)));
    norm_ = register_module("norm", torch::nn::BatchNorm3d(out));
}

torch::Tensor ConvUnitImpl::forward(const torch::Tensor& x) {
    return torch::gelu(norm_->forward(conv_->forward(x)));
}

PretrainHeadImpl::PretrainHeadImpl(PretrainHeadOptions options) : options_(std::move(options)) {
    if (options_.crop.size() != 3) {
        throw std::invalid_argument("the pre-training head needs a crop size (X, Y, Z)");
    }
    if (options_.inChannels < 1 || options_.clusterers < 1 || options_.clusters < 2) {
        throw std::invalid_argument(
            "the pre-training head needs channels >= 1, clusterers >= 1 and K >= 2");
    }
    const int64_t x = options_.crop[0];
    const int64_t y = options_.crop[1];
    const int64_t z = options_.crop[2];
    const int64_t n = options_.clusterers;
    const int64_t k = options_.clusters;
    const int64_t squeezed = std::max<int64_t>(1, x / 16);
    clusterersIn_ = register_module("clusterers_in", ConvUnit(options_.inChannels, n, 3));
    clusterersOut_ = register_module("clusterers_out", ConvUnit(n, n, 3));
    // Pointwise on purpose: a 3x3x3 K->K convolution would cost hundreds of G MACs per crop.
    rowsIn_ = register_module("rows_in", ConvUnit(y, k, 1));
    rowsOut_ = register_module("rows_out", ConvUnit(k, k, 1));
    columnsIn_ = register_module("columns_in", ConvUnit(x, squeezed, 1));
    columnsOut_ = register_module("columns_out", ConvUnit(squeezed, 1, 1));
    slicesMix_ = register_module("slices_mix", ConvUnit(z, z, 3));
    slicesOut_ =
        register_module("slices_out", torch::nn::Conv3d(torch::nn::Conv3dOptions(z, z, 1)));
    // Every logit starts at the same positive value: the softmax of logits / tau is uniform, so
    // the first loss is log K_i per clusterer instead of whatever a random layer divided by a
    // small tau gives (13 against a uniform 7.5 in the demo), and the ReLU passes gradients
    // (at zero it would pass none). Zero weights still learn: their gradient is the input.
    torch::NoGradGuard noGrad;
    slicesOut_->weight.zero_();
    slicesOut_->bias.fill_(1.0);
}

torch::Tensor PretrainHeadImpl::forward(const torch::Tensor& features) {
    if (features.dim() != 5 || features.size(1) != options_.inChannels ||
        features.size(2) != options_.crop[0] || features.size(3) != options_.crop[1] ||
        features.size(4) != options_.crop[2]) {
        throw std::invalid_argument(
            "the pre-training head was built for (B, " + std::to_string(options_.inChannels) +
            ", " + std::to_string(options_.crop[0]) + ", " + std::to_string(options_.crop[1]) +
            ", " + std::to_string(options_.crop[2]) + ") features, got " +
            std::to_string(features.dim()) + "-D input of another shape");
    }
    auto x = clusterersOut_->forward(clusterersIn_->forward(features));  // (B, N, X, Y, Z)
    x = x.permute({0, 3, 2, 1, 4});                                      // (B, Y, X, N, Z)
    x = rowsOut_->forward(rowsIn_->forward(x));                          // (B, K, X, N, Z)
    x = x.permute({0, 2, 1, 3, 4});                                      // (B, X, K, N, Z)
    x = columnsOut_->forward(columnsIn_->forward(x));                    // (B, 1, K, N, Z)
    x = x.permute({0, 4, 3, 2, 1});                                      // (B, Z, N, K, 1)
    x = torch::relu(slicesOut_->forward(slicesMix_->forward(x)));
    return x.squeeze(4);  // (B, Z, N, K)
}

}  // namespace logonet::model
