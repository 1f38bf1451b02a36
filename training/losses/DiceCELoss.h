#pragma once

#include <torch/torch.h>

namespace logonet::training {

struct DiceCELossOptions {
    double diceWeight = 1.0;  // spec Table 10: equal weights work best
    double ceWeight = 1.0;
    double smooth = 1e-5;  // keeps the ratio defined for a class absent from prediction and truth
};

struct LossTerms {
    torch::Tensor total;
    torch::Tensor dice;
    torch::Tensor ce;
};

// Soft Dice on the softmax (every class, background included, summed over the batch, averaged over
// classes) plus cross-entropy on the logits. logits (B, C, D, H, W) float; labels (B, D, H, W)
// int64 class indices in [0, C).
class DiceCELoss {
  public:
    explicit DiceCELoss(DiceCELossOptions options = {}) : options_(options) {}
    LossTerms operator()(const torch::Tensor& logits, const torch::Tensor& labels) const;
    const DiceCELossOptions& options() const { return options_; }

  private:
    DiceCELossOptions options_;
};

}  // namespace logonet::training
