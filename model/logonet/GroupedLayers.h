#pragma once

#include <torch/torch.h>

#include <type_traits>
#include <vector>

#include "blocks/CountedConv.h"
#include "depthwise/DepthwiseConv3d.h"

namespace logonet::model {

// One layer of several branches of the same shape, run as one operator over a map whose
// channels are the branches' channels one block after the other (branch-major): branch g owns
// channels [g*C, (g+1)*C). The weights are concatenated at every call (torch::cat is
// differentiable, so each branch's own parameters receive their gradients) and nothing is
// stored here: the branches keep their parameters, buffers and names. Maps are channels-last,
// the layout in which oneDNN runs grouped convolutions several times faster than in NCDHW.

// Pointers to one member of every branch: gather(units, [](auto* u) { return u->conv.get(); }).
template <typename From, typename Get>
auto gather(const std::vector<From*>& items, Get get) {
    std::vector<std::remove_pointer_t<decltype(get(items.front()))>*> result;
    result.reserve(items.size());
    for (From* item : items) {
        result.push_back(get(item));
    }
    return result;
}

// (B, C, D, H, W) -> (B, 8*C, D/2, H/2, W/2), channels-last: the 2x2x2 sub-cubes of
// splitIntoSubCubes stacked along the channels in that order.
torch::Tensor stackSubCubesAlongChannels(const torch::Tensor& volume);

// The inverse: (B, 8*C, d, h, w) -> (B, C, 2d, 2h, 2w) (NCDHW, like mergeSubCubes).
torch::Tensor mergeSubCubesFromChannels(const torch::Tensor& stacked);

// Per branch, its channels of `first` then its channels of `second`: what torch::cat({x, skip},
// 1) is for one branch, for every branch at once.
torch::Tensor interleaveChannels(const torch::Tensor& first, const torch::Tensor& second,
                                 int64_t branches);

// Conv3dLayer of every branch as one convolution with groups * branches groups.
torch::Tensor groupedConv(const std::vector<Conv3dLayerImpl*>& convs, const torch::Tensor& x);

// BatchNorm3d of every branch; in training the running statistics and the batch counts land in
// each branch's own buffers, as if each branch had run its own norm.
torch::Tensor groupedBatchNorm(const std::vector<torch::nn::BatchNorm3dImpl*>& norms,
                               const torch::Tensor& x);

// norm(conv(x)) per branch; with eval-mode norms and fast convolutions the norm is folded into
// the convolution's weights (blocks/BatchNormFolding, per branch).
torch::Tensor groupedConvBatchNorm(const std::vector<Conv3dLayerImpl*>& convs,
                                   const std::vector<torch::nn::BatchNorm3dImpl*>& norms,
                                   const torch::Tensor& x);

// DepthwiseConv3d of every branch: one depthwise convolution over all channels.
torch::Tensor groupedDepthwise(const std::vector<DepthwiseConv3dImpl*>& convs,
                               const torch::Tensor& x);

// LayerNorm over each branch's channels of every voxel, with that branch's affine parameters.
torch::Tensor groupedChannelLayerNorm(const std::vector<torch::nn::LayerNormImpl*>& norms,
                                      const torch::Tensor& x);

// Per-channel vectors of every branch (layer scales) as one (1, branches*C, 1, 1, 1) tensor.
torch::Tensor groupedChannelVector(const std::vector<torch::Tensor>& vectors);

}  // namespace logonet::model
