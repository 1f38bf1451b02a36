#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <random>

namespace logonet::training {

// Greedy k-means++ seeding (Arthur & Vassilvitskii): the first centre uniformly at random, each
// next one among `trials` candidates drawn with probability proportional to the squared distance
// to the nearest centre so far, keeping the candidate that lowers the total the most.
// `sample` is (m, d) on the compute device; returns (k, d) rows of it. `trials` <= 0 picks
// 2 + ln(k), as scikit-learn does.
torch::Tensor seedKMeansPlusPlus(const torch::Tensor& sample, int64_t k, std::mt19937_64& random,
                                 int64_t trials = 0);

}  // namespace logonet::training
