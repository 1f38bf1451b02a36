#include "pretrain/PretrainLoss.h"

#include <limits>
#include <stdexcept>
#include <string>

namespace logonet::training {

PretrainLoss::PretrainLoss(std::vector<int64_t> clusterSizes, double tau)
    : clusterSizes_(std::move(clusterSizes)), tau_(tau) {
    if (!(tau_ > 0.0)) {
        throw std::invalid_argument("the pre-training temperature tau must be positive");
    }
    if (clusterSizes_.empty()) {
        throw std::invalid_argument("the pre-training loss needs at least one clusterer");
    }
}

torch::Tensor PretrainLoss::operator()(const torch::Tensor& logits, const torch::Tensor& labels,
                                       const torch::Tensor& masked) const {
    const int64_t n = static_cast<int64_t>(clusterSizes_.size());
    if (logits.dim() != 4 || logits.size(2) != n) {
        throw std::invalid_argument("pre-training logits must be (B, Z, " + std::to_string(n) +
                                    ", K), got " + std::to_string(logits.dim()) + "-D input");
    }
    const int64_t k = logits.size(3);
    std::vector<int64_t> sizes = clusterSizes_;
    for (const int64_t size : sizes) {
        if (size < 1 || size > k) {
            throw std::invalid_argument("a clusterer has K=" + std::to_string(size) +
                                        " but the head predicts only " + std::to_string(k));
        }
    }
    // Logits beyond a clusterer's K_i are excluded from its softmax.
    const auto options = torch::TensorOptions().dtype(torch::kInt64).device(logits.device());
    const auto limit = torch::tensor(sizes, torch::kInt64).to(logits.device()).view({1, 1, n, 1});
    const auto beyond = torch::arange(k, options).view({1, 1, 1, k}) >= limit;
    const auto scaled = (logits.to(torch::kFloat32) / tau_)
                            .masked_fill(beyond, -std::numeric_limits<float>::infinity());
    const auto logProbabilities = torch::log_softmax(scaled, 3);
    // (B, Z, N): cross-entropy of every slice for every clusterer.
    const auto perSlice =
        -logProbabilities.gather(3, labels.to(torch::kInt64).unsqueeze(3)).squeeze(3);
    // `where`, not a product: an unmasked slice must not leak a NaN into the sum.
    const auto counted = masked.to(torch::kBool).unsqueeze(2).expand_as(perSlice);
    const auto maskedSlices = masked.to(torch::kFloat32).sum().clamp_min(1.0);
    return torch::where(counted, perSlice, torch::zeros_like(perSlice)).sum() / maskedSlices;
}

}  // namespace logonet::training
