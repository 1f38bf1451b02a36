#include "heads/FusionHead.h"

#include "blocks/BatchNormFolding.h"

namespace logonet::model {

FusionHeadImpl::FusionHeadImpl(int64_t channels, bool fast) : fast_(fast) {
    conv1 = register_module(
        "conv1", Conv3dLayer(torch::nn::Conv3dOptions(channels, channels, 3).padding(1)));
    norm = register_module("norm", torch::nn::BatchNorm3d(channels));
    conv2 = register_module("conv2", Conv3dLayer(torch::nn::Conv3dOptions(channels, channels, 1)));
}

torch::Tensor FusionHeadImpl::forward(const torch::Tensor& input) {
    const torch::Tensor x = fast_ && batchNormIsFoldable(norm)
                                ? convWithFoldedBatchNorm(input, *conv1, norm)
                                : norm(conv1(input));
    return conv2(torch::gelu(x));
}

}  // namespace logonet::model
