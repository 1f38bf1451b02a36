#include "losses/DiceCELoss.h"

namespace logonet::training {

LossTerms DiceCELoss::operator()(const torch::Tensor& logits, const torch::Tensor& labels) const {
    const int64_t classes = logits.size(1);
    // Under autocast the logits may be half precision; the loss is always computed in float.
    const torch::Tensor scores = logits.to(torch::kFloat);
    const torch::Tensor probabilities = torch::softmax(scores, 1);
    const torch::Tensor onehot =
        torch::one_hot(labels, classes).permute({0, 4, 1, 2, 3}).to(torch::kFloat);
    // Dice over the whole batch per class ("batch Dice"): per sample, a small organ outside one
    // crop scores ~0 for any stray probability, which teaches the network never to predict it.
    const std::vector<int64_t> spatial{0, 2, 3, 4};
    const torch::Tensor intersection = (probabilities * onehot).sum(spatial);
    const torch::Tensor denominator = probabilities.sum(spatial) + onehot.sum(spatial);
    const torch::Tensor dice =
        1.0 - ((2.0 * intersection + options_.smooth) / (denominator + options_.smooth)).mean();
    const torch::Tensor ce = torch::nn::functional::cross_entropy(scores, labels);
    return {options_.diceWeight * dice + options_.ceWeight * ce, dice, ce};
}

}  // namespace logonet::training
