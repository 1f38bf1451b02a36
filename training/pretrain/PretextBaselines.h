#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <vector>

namespace logonet::training {

// What predicts a masked slice's pseudo-labels without learning what the slice shows; a
// pre-training that does not beat these has learned something else.

// (S, N): the most frequent label at each slice position over `labels` ((S, N) each), per
// clusterer n with clusterSizes[n] labels; ties go to the smallest label.
torch::Tensor majorityPerPosition(const std::vector<torch::Tensor>& labels,
                                  const std::vector<int64_t>& clusterSizes);

// (S, N): every slice of one crop predicted as the most frequent label of the crop's *visible*
// (unmasked) slices, per clusterer; ties go to the smallest label, and a crop with no visible
// slice predicts -1 (never right). When the clusterers label crops rather than slices (every
// slice of a crop alike), this needs no network at all, and the pseudo-labels say nothing about
// anatomy within a crop.
torch::Tensor cropMajorityPrediction(const torch::Tensor& labels, const torch::Tensor& masked,
                                     const std::vector<int64_t>& clusterSizes);

}  // namespace logonet::training
