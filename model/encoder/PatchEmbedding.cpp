#include "encoder/PatchEmbedding.h"

#include "blocks/BatchNormFolding.h"

namespace logonet::model {

PatchEmbeddingImpl::PatchEmbeddingImpl(const PatchEmbeddingOptions& options) : options_(options) {
    conv = register_module(
        "conv",
        Conv3dLayer(torch::nn::Conv3dOptions(options.inChannels(), options.dim(), options.kernel())
                        .stride(options.stride())
                        .padding(options.kernel() / 2)));
    norm = register_module("norm", torch::nn::BatchNorm3d(options.dim()));
}

torch::Tensor PatchEmbeddingImpl::forward(const torch::Tensor& input) {
    if (options_.fast() && batchNormIsFoldable(norm)) {
        return convWithFoldedBatchNorm(input, *conv, norm);
    }
    return norm(conv(input));
}

}  // namespace logonet::model
