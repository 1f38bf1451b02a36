#include "logonet/GroupedLayers.h"

#include <ATen/Context.h>

#include <stdexcept>

#include "blocks/BatchNormFolding.h"
#include "blocks/DenseConv.h"
#include "depthwise/DepthwiseConvFunction.h"

namespace logonet::model {
namespace {

constexpr auto channelsLast = torch::MemoryFormat::ChannelsLast3d;

torch::Tensor concatenated(const std::vector<torch::Tensor>& parts) {
    return parts.size() == 1 ? parts.front() : torch::cat(parts);
}

template <typename Layer, typename Get>
torch::Tensor concatenatedMember(const std::vector<Layer*>& layers, Get get) {
    std::vector<torch::Tensor> parts;
    parts.reserve(layers.size());
    for (Layer* layer : layers) {
        parts.push_back(get(layer));
    }
    return concatenated(parts);
}

torch::Tensor groupedConvolution(const std::vector<Conv3dLayerImpl*>& convs, const torch::Tensor& x,
                                 const torch::Tensor& weight, const torch::Tensor& bias) {
    Conv3dLayerImpl& first = *convs.front();
    const std::vector<int64_t> padding = first.explicitPadding();
    if (padding.empty()) {
        throw std::invalid_argument("grouped convolution: needs explicit zero padding");
    }
    const int64_t groups = first.options.groups() * static_cast<int64_t>(convs.size());
    const auto stride = *first.options.stride();
    const auto dilation = *first.options.dilation();
    torch::Tensor output;
    if (first.fast() && denseConvUsesOneDnn(x, weight)) {
        // Called directly: torch::conv3d sends some small inputs to slow_conv3d (blocks/DenseConv).
        output = at::mkldnn_convolution(x.contiguous(channelsLast), weight, bias, padding, stride,
                                        dilation, groups);
    } else {
        output = torch::conv3d(x, weight, bias, stride, padding, dilation, groups);
    }
    for (Conv3dLayerImpl* conv : convs) {
        conv->recordOutput(output);
    }
    return output;
}

}  // namespace

torch::Tensor stackSubCubesAlongChannels(const torch::Tensor& volume) {
    if (volume.dim() != 5 || volume.size(2) % 2 || volume.size(3) % 2 || volume.size(4) % 2) {
        throw std::invalid_argument("sub-cube stacking needs a 5D tensor with even spatial sizes");
    }
    const int64_t b = volume.size(0);
    const int64_t c = volume.size(1);
    const int64_t d = volume.size(2) / 2;
    const int64_t h = volume.size(3) / 2;
    const int64_t w = volume.size(4) / 2;
    // (B, C, i, d, j, h, k, w) -> (B, d, h, w, i, j, k, C): channels-last with the sub-cube
    // index (i, j, k) as the major part of the channel.
    return volume.reshape({b, c, 2, d, 2, h, 2, w})
        .permute({0, 3, 5, 7, 2, 4, 6, 1})
        .reshape({b, d, h, w, 8 * c})
        .permute({0, 4, 1, 2, 3});
}

torch::Tensor mergeSubCubesFromChannels(const torch::Tensor& stacked) {
    if (stacked.dim() != 5 || stacked.size(1) % 8) {
        throw std::invalid_argument("sub-cube merge needs a 5D tensor with 8*C channels");
    }
    const int64_t b = stacked.size(0);
    const int64_t c = stacked.size(1) / 8;
    const int64_t d = stacked.size(2);
    const int64_t h = stacked.size(3);
    const int64_t w = stacked.size(4);
    return stacked.permute({0, 2, 3, 4, 1})
        .reshape({b, d, h, w, 2, 2, 2, c})
        .permute({0, 7, 4, 1, 5, 2, 6, 3})
        .reshape({b, c, 2 * d, 2 * h, 2 * w});
}

torch::Tensor interleaveChannels(const torch::Tensor& first, const torch::Tensor& second,
                                 int64_t branches) {
    const int64_t b = first.size(0);
    const int64_t d = first.size(2);
    const int64_t h = first.size(3);
    const int64_t w = first.size(4);
    const torch::Tensor a =
        first.permute({0, 2, 3, 4, 1}).reshape({b, d, h, w, branches, first.size(1) / branches});
    const torch::Tensor s =
        second.permute({0, 2, 3, 4, 1}).reshape({b, d, h, w, branches, second.size(1) / branches});
    return torch::cat({a, s}, 5)
        .view({b, d, h, w, first.size(1) + second.size(1)})
        .permute({0, 4, 1, 2, 3});
}

torch::Tensor groupedConv(const std::vector<Conv3dLayerImpl*>& convs, const torch::Tensor& x) {
    const torch::Tensor weight = concatenatedMember(convs, [](auto* c) { return c->weight; });
    const torch::Tensor bias = convs.front()->bias.defined()
                                   ? concatenatedMember(convs, [](auto* c) { return c->bias; })
                                   : torch::Tensor();
    return groupedConvolution(convs, x, weight, bias);
}

torch::Tensor groupedBatchNorm(const std::vector<torch::nn::BatchNorm3dImpl*>& norms,
                               const torch::Tensor& x) {
    const auto& options = norms.front()->options;
    const bool training = norms.front()->is_training();
    const bool tracking = options.track_running_stats();
    if (training && tracking && !options.momentum().has_value()) {
        // The cumulative average depends on each branch's own batch count.
        throw std::invalid_argument("grouped batch norm: needs a momentum");
    }
    torch::Tensor weight;
    torch::Tensor bias;
    if (options.affine()) {
        weight = concatenatedMember(norms, [](auto* n) { return n->weight; });
        bias = concatenatedMember(norms, [](auto* n) { return n->bias; });
    }
    torch::Tensor mean;
    torch::Tensor variance;
    if (tracking) {
        mean = concatenatedMember(norms, [](auto* n) { return n->running_mean; });
        variance = concatenatedMember(norms, [](auto* n) { return n->running_var; });
    }
    const torch::Tensor output = torch::batch_norm(
        x, weight, bias, mean, variance, training || !tracking, options.momentum().value_or(0.0),
        options.eps(), at::globalContext().userEnabledCuDNN());
    if (training && tracking) {
        // batch_norm updated the concatenated copies; hand each branch its part.
        torch::NoGradGuard noGrad;
        const int64_t channels = options.num_features();
        std::vector<torch::Tensor> means;
        std::vector<torch::Tensor> variances;
        std::vector<torch::Tensor> counts;
        for (auto* norm : norms) {
            means.push_back(norm->running_mean);
            variances.push_back(norm->running_var);
            counts.push_back(norm->num_batches_tracked);
        }
        at::_foreach_copy_(means, mean.split(channels));
        at::_foreach_copy_(variances, variance.split(channels));
        at::_foreach_add_(counts, 1);
    }
    return output;
}

torch::Tensor groupedConvBatchNorm(const std::vector<Conv3dLayerImpl*>& convs,
                                   const std::vector<torch::nn::BatchNorm3dImpl*>& norms,
                                   const torch::Tensor& x) {
    if (!convs.front()->fast() || !batchNormIsFoldable(*norms.front())) {
        return groupedBatchNorm(norms, groupedConv(convs, x));
    }
    // blocks/BatchNormFolding, every branch at once.
    const auto& bn = norms.front()->options;
    const auto [scale, shift] = foldedBatchNormScaleShift(
        concatenatedMember(norms, [](auto* n) { return n->running_mean; }),
        concatenatedMember(norms, [](auto* n) { return n->running_var; }),
        bn.affine() ? concatenatedMember(norms, [](auto* n) { return n->weight; })
                    : torch::Tensor(),
        bn.affine() ? concatenatedMember(norms, [](auto* n) { return n->bias; }) : torch::Tensor(),
        bn);
    const torch::Tensor weight =
        concatenatedMember(convs, [](auto* c) { return c->weight; }) * scale.view({-1, 1, 1, 1, 1});
    const torch::Tensor bias =
        convs.front()->bias.defined()
            ? concatenatedMember(convs, [](auto* c) { return c->bias; }) * scale + shift
            : shift;
    return groupedConvolution(convs, x, weight, bias);
}

torch::Tensor groupedDepthwise(const std::vector<DepthwiseConv3dImpl*>& convs,
                               const torch::Tensor& x) {
    DepthwiseConv3dImpl& first = *convs.front();
    const torch::Tensor weight = concatenatedMember(convs, [](auto* c) { return c->weight; });
    const torch::Tensor bias = concatenatedMember(convs, [](auto* c) { return c->bias; });
    torch::Tensor output;
    if (first.options().fast() && depthwiseConvFastPathPreferred(x)) {
        const auto type = x.scalar_type();
        output = depthwiseConv3dFast(x, weight.to(type), bias.to(type), first.padding(),
                                     first.options().dilation());
    } else {
        output = torch::conv3d(x, weight, bias, /*stride=*/1, first.padding(),
                               first.options().dilation(), weight.size(0));
    }
    for (DepthwiseConv3dImpl* conv : convs) {
        conv->recordOutput(output);
    }
    return output;
}

torch::Tensor groupedChannelLayerNorm(const std::vector<torch::nn::LayerNormImpl*>& norms,
                                      const torch::Tensor& x) {
    const auto& options = norms.front()->options;
    const int64_t branches = static_cast<int64_t>(norms.size());
    const int64_t channels = x.size(1) / branches;
    const int64_t b = x.size(0);
    const int64_t d = x.size(2);
    const int64_t h = x.size(3);
    const int64_t w = x.size(4);
    torch::Tensor normed =
        torch::layer_norm(x.permute({0, 2, 3, 4, 1}).reshape({b, d, h, w, branches, channels}),
                          {channels}, {}, {}, options.eps());
    if (options.elementwise_affine()) {
        const torch::Tensor weight =
            concatenatedMember(norms, [](auto* n) { return n->weight; }).view({branches, channels});
        const torch::Tensor bias =
            concatenatedMember(norms, [](auto* n) { return n->bias; }).view({branches, channels});
        normed = torch::addcmul(bias, normed, weight);
    }
    return normed.view({b, d, h, w, branches * channels}).permute({0, 4, 1, 2, 3});
}

torch::Tensor groupedChannelVector(const std::vector<torch::Tensor>& vectors) {
    return concatenated(vectors).view({1, -1, 1, 1, 1});
}

}  // namespace logonet::model
