#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <vector>

namespace logonet::training {

// Tempered cross-entropy of spec section 6: for clusterer i and masked slice j, the cross-entropy
// of softmax(logits[j, i, :K_i] / tau) against that clusterer's label of the slice; summed over
// clusterers, averaged over masked slices. The paper divides by tau (eq. 5, tau = 0.1); the
// research code multiplies by 0.1 instead, which is tau = 10 here.
class PretrainLoss {
  public:
    // clusterSizes[i] = K_i <= the logits' K.
    PretrainLoss(std::vector<int64_t> clusterSizes, double tau = 0.1);

    // logits (B, Z, N, K), labels (B, Z, N) int64 in [0, K_i), masked (B, Z) bool.
    // Unmasked slices do not contribute; with no masked slice the loss is 0 (still differentiable).
    torch::Tensor operator()(const torch::Tensor& logits, const torch::Tensor& labels,
                             const torch::Tensor& masked) const;

    double tau() const { return tau_; }

  private:
    std::vector<int64_t> clusterSizes_;
    double tau_;
};

}  // namespace logonet::training
