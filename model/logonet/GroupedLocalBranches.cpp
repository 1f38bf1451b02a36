#include "logonet/GroupedLocalBranches.h"

#include <stdexcept>

#include "blocks/ActivationCheckpoint.h"
#include "logonet/GroupedLayers.h"

namespace logonet::model {
namespace {

template <typename Module>
std::vector<torch::nn::BatchNorm3dImpl*> norms(const std::vector<Module*>& modules,
                                               torch::nn::BatchNorm3d Module::*member) {
    return gather(modules, [member](Module* m) { return (m->*member).get(); });
}

torch::Tensor largeKernelAttention(const std::vector<LargeKernelAttentionImpl*>& lka,
                                   const torch::Tensor& input) {
    torch::Tensor a = groupedBatchNorm(norms(lka, &LargeKernelAttentionImpl::norm), input);
    a = groupedDepthwise(gather(lka, [](auto* m) { return m->local.get(); }), a);
    a = groupedDepthwise(gather(lka, [](auto* m) { return m->dilated.get(); }), a);
    a = groupedConv(gather(lka, [](auto* m) { return m->pointwise.get(); }), a);
    return input * a;
}

torch::Tensor spatialAttention(const std::vector<SpatialAttentionImpl*>& attention,
                               const torch::Tensor& input) {
    torch::Tensor x = groupedConv(gather(attention, [](auto* m) { return m->proj1.get(); }), input);
    x = largeKernelAttention(gather(attention, [](auto* m) { return m->attention.get(); }),
                             torch::gelu(x));
    return groupedConv(gather(attention, [](auto* m) { return m->proj2.get(); }), x) + input;
}

torch::Tensor mlp(const std::vector<ConvMlpImpl*>& mlps, const torch::Tensor& input) {
    torch::Tensor x = groupedConv(gather(mlps, [](auto* m) { return m->fc1.get(); }), input);
    x = groupedDepthwise(gather(mlps, [](auto* m) { return m->depthwise.get(); }), x);
    return groupedConv(gather(mlps, [](auto* m) { return m->fc2.get(); }), torch::gelu(x));
}

torch::Tensor encoderBlock(const std::vector<EncoderBlockImpl*>& blocks,
                           const torch::Tensor& input) {
    std::vector<torch::Tensor> scales1;
    std::vector<torch::Tensor> scales2;
    for (auto* block : blocks) {
        scales1.push_back(block->layerScale1);
        scales2.push_back(block->layerScale2);
    }
    torch::Tensor attended =
        spatialAttention(gather(blocks, [](auto* m) { return m->attention.get(); }),
                         groupedBatchNorm(norms(blocks, &EncoderBlockImpl::norm1), input));
    const torch::Tensor x = input + groupedChannelVector(scales1) * attended;
    const torch::Tensor expanded =
        mlp(gather(blocks, [](auto* m) { return m->mlp.get(); }),
            groupedBatchNorm(norms(blocks, &EncoderBlockImpl::norm2), x));
    return x + groupedChannelVector(scales2) * expanded;
}

torch::Tensor encoderStage(const std::vector<EncoderStageImpl*>& stages,
                           const torch::Tensor& input) {
    const auto embeddings = gather(stages, [](auto* s) { return s->embedding.get(); });
    torch::Tensor x =
        groupedConvBatchNorm(gather(embeddings, [](auto* e) { return e->conv.get(); }),
                             norms(embeddings, &PatchEmbeddingImpl::norm), input);
    for (size_t i = 0; i < stages.front()->blocks->size(); ++i) {
        x = encoderBlock(
            gather(stages, [i](auto* s) { return s->blocks[i]->template as<EncoderBlock>(); }), x);
    }
    return groupedChannelLayerNorm(gather(stages, [](auto* s) { return s->norm.get(); }), x);
}

torch::Tensor decoderUnit(const std::vector<DecoderUnitImpl*>& units, const torch::Tensor& input) {
    torch::Tensor x = groupedConvBatchNorm(gather(units, [](auto* u) { return u->conv.get(); }),
                                           norms(units, &DecoderUnitImpl::norm), input);
    return torch::leaky_relu_(x, 0.01);
}

torch::Tensor decoderBlock(const std::vector<DecoderBlockImpl*>& blocks,
                           const torch::Tensor& input) {
    const torch::Tensor x =
        decoderUnit(gather(blocks, [](auto* b) { return b->first.get(); }), input);
    return decoderUnit(gather(blocks, [](auto* b) { return b->second.get(); }), x);
}

std::vector<DecoderBlockImpl*> blocksAt(const std::vector<UDecoderImpl*>& decoders,
                                        torch::nn::ModuleList UDecoderImpl::*list, size_t index) {
    return gather(decoders,
                  [list, index](UDecoderImpl* d) { return (d->*list)[index]->as<DecoderBlock>(); });
}

}  // namespace

GroupedLocalBranches::GroupedLocalBranches(std::vector<UBranchImpl*> branches)
    : branches_(std::move(branches)) {
    if (branches_.size() != 8) {
        throw std::invalid_argument("grouped local branches: need 8 branches, got " +
                                    std::to_string(branches_.size()));
    }
}

torch::Tensor GroupedLocalBranches::forward(const torch::Tensor& input) const {
    const torch::Tensor stacked = stackSubCubesAlongChannels(input);
    return mergeSubCubesFromChannels(decode(stacked, encode(stacked)));
}

std::vector<torch::Tensor> GroupedLocalBranches::encode(const torch::Tensor& stacked) const {
    const auto encoders = gather(branches_, [](auto* b) { return b->encoder.get(); });
    const LkaEncoderImpl& first = *encoders.front();
    const bool checkpoint =
        first.activationCheckpointing() && first.is_training() && torch::GradMode::is_enabled();
    std::vector<torch::Tensor> features;
    torch::Tensor x = stacked;
    for (size_t i = 0; i < first.stages->size(); ++i) {
        const auto stages =
            gather(encoders, [i](auto* e) { return e->stages[i]->template as<EncoderStage>(); });
        if (checkpoint) {
            // One checkpoint over the eight stages: their parameters and buffers together.
            auto group = std::make_shared<torch::nn::ModuleListImpl>();
            for (auto* encoder : encoders) {
                group->push_back(encoder->stages->ptr(i));
            }
            x = checkpointedForward(
                group, [stages](const torch::Tensor& in) { return encoderStage(stages, in); }, x);
        } else {
            x = encoderStage(stages, x);
        }
        features.push_back(x);
    }
    return features;
}

torch::Tensor GroupedLocalBranches::decode(const torch::Tensor& stacked,
                                           const std::vector<torch::Tensor>& features) const {
    const auto decoders = gather(branches_, [](auto* b) { return b->decoder.get(); });
    const auto branches = static_cast<int64_t>(branches_.size());
    const size_t stages = decoders.front()->up->size();
    if (features.size() != stages) {
        throw std::invalid_argument("grouped decoder: expected " + std::to_string(stages) +
                                    " encoder maps, got " + std::to_string(features.size()));
    }
    torch::Tensor x = features.back();
    for (size_t i = 0; i < stages; ++i) {
        x = upsampleTwice(decoderBlock(blocksAt(decoders, &UDecoderImpl::up, i), x));
        if (i + 1 < stages) {
            const torch::Tensor refined =
                decoderBlock(blocksAt(decoders, &UDecoderImpl::skip, i), features[stages - 2 - i]);
            x = decoderBlock(blocksAt(decoders, &UDecoderImpl::merge, i),
                             interleaveChannels(x, refined, branches));
        }
    }
    x = decoderBlock(gather(decoders, [](auto* d) { return d->refine1.get(); }), x);
    x = upsampleTwice(decoderBlock(gather(decoders, [](auto* d) { return d->refine2.get(); }), x));
    torch::Tensor stem =
        decoderUnit(gather(decoders, [](auto* d) { return d->stem1.get(); }), stacked);
    stem = decoderUnit(gather(decoders, [](auto* d) { return d->stem2.get(); }), stem);
    x = decoderUnit(gather(decoders, [](auto* d) { return d->out1.get(); }),
                    interleaveChannels(x, stem, branches));
    return decoderUnit(gather(decoders, [](auto* d) { return d->out2.get(); }), x);
}

}  // namespace logonet::model
