#pragma once

#include <torch/torch.h>

#include <memory>
#include <vector>

#include "cache/CachedCase.h"
#include "data/CropSampler.h"
#include "data/TrainingCase.h"
#include "masking/SliceAxis.h"

namespace logonet::training {

// Pre-training data drawn as the spec asks: random crop^3 crops of the prepared (fine-tuning
// spacing) cases with fine-tuning's augmentations (CropSampler, a pure function of seed and
// index), each slice labeled, when the crop is drawn, by its nearest stored centroid.

// A prepared case, labeled or not, as the crop sampler takes it: every voxel background, so that
// each crop is centred anywhere in the scan (pre-training never looks at the labels).
std::shared_ptr<const TrainingCase> pretrainingCase(const CachedCase& entry);

// Batch `index` of `sampler` as the pre-training network takes it: (B, 1, X, Y, Z).
torch::Tensor drawPretrainCrops(const CropSampler& sampler, int64_t index);
// Sample `index` of `sampler` taken from case `caseIndex` (CropSampler::sampleFrom), as a
// (1, 1, X, Y, Z) batch.
torch::Tensor drawPretrainCropFrom(const CropSampler& sampler, size_t caseIndex, int64_t index);

// The slices of (B, 1, X, Y, Z) crops along `axis` as rows: (B, S, H * W), in the order the
// clusterers were fitted on.
torch::Tensor cropSliceRows(const torch::Tensor& crops, SliceAxis axis);

// (B, S, N) int64 on the crops' device: for each slice and clusterer n, the index of the nearest
// of centroids[n] (K_n, H * W).
torch::Tensor nearestCentroidLabels(const torch::Tensor& crops,
                                    const std::vector<torch::Tensor>& centroids, SliceAxis axis);

}  // namespace logonet::training
