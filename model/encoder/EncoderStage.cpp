#include "encoder/EncoderStage.h"

namespace logonet::model {

EncoderStageImpl::EncoderStageImpl(const EncoderStageOptions& options) {
    embedding = register_module(
        "embedding", PatchEmbedding(PatchEmbeddingOptions(options.inChannels(), options.dim(),
                                                          options.kernel(), options.stride())
                                        .fast(options.fast())));
    blocks = register_module("blocks", torch::nn::ModuleList());
    for (int64_t i = 0; i < options.depth(); ++i) {
        blocks->push_back(EncoderBlock(
            EncoderBlockOptions(options.dim(), options.mlpRatio()).fast(options.fast())));
    }
    norm = register_module(
        "norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({options.dim()}).eps(1e-5)));
}

torch::Tensor EncoderStageImpl::forward(const torch::Tensor& input) {
    torch::Tensor x = embedding(input);
    for (const auto& block : *blocks) {
        x = block->as<EncoderBlock>()->forward(x);
    }
    // Channels last for the LayerNorm over channels, then back to (B, C, D, H, W).
    return norm(x.permute({0, 2, 3, 4, 1})).permute({0, 4, 1, 2, 3}).contiguous();
}

}  // namespace logonet::model
