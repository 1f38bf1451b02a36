#include "pretrain/PretextBaselines.h"

namespace logonet::training {

torch::Tensor majorityPerPosition(const std::vector<torch::Tensor>& labels,
                                  const std::vector<int64_t>& clusterSizes) {
    const auto stacked = torch::stack(labels).to(torch::kCPU);  // (C, S, N)
    const int64_t slices = stacked.size(1);
    const int64_t clusterers = stacked.size(2);
    auto majority = torch::zeros({slices, clusterers}, torch::kInt64);
    for (int64_t n = 0; n < clusterers; ++n) {
        for (int64_t s = 0; s < slices; ++s) {
            const auto counts =
                torch::bincount(stacked.select(2, n).select(1, s), {}, clusterSizes[n]);
            majority[s][n] = counts.argmax();
        }
    }
    return majority;
}

torch::Tensor cropMajorityPrediction(const torch::Tensor& labels, const torch::Tensor& masked,
                                     const std::vector<int64_t>& clusterSizes) {
    const auto truth = labels.to(torch::kCPU, torch::kInt64);  // (S, N)
    const auto visible = masked.to(torch::kCPU, torch::kBool).logical_not();
    auto prediction = torch::full_like(truth, -1);
    if (visible.sum().item<int64_t>() == 0) {
        return prediction;
    }
    const auto seen = truth.index({visible});  // (V, N)
    for (int64_t n = 0; n < truth.size(1); ++n) {
        prediction.select(1, n).fill_(
            torch::bincount(seen.select(1, n), {}, clusterSizes[n]).argmax());
    }
    return prediction;
}

}  // namespace logonet::training
