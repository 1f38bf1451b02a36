#include "finetune/Validation.h"

#include <cmath>

#include "inference/CasePredictor.h"
#include "metrics/SegmentationMetrics.h"

namespace logonet::training {

ValidationScores validate(const model::Network& network, const CaseCache& cache,
                          const std::vector<std::string>& ids, const FineTuneConfig& config,
                          const torch::Device& device) {
    SlidingWindowOptions windowOptions;
    windowOptions.roi = {config.crop[2], config.crop[1], config.crop[0]};
    windowOptions.overlap = config.overlap;
    windowOptions.windowBatch = 2;
    const CasePredictor predictor(network, config.classValues, windowOptions, device);
    std::vector<double> sums(config.classValues.size(), 0.0);
    std::vector<int> counts(config.classValues.size(), 0);
    for (const auto& id : ids) {
        const CachedCase entry = cache.read(id);
        const LabelVolume predicted = predictor.segment(entry.image);
        for (size_t c = 1; c < config.classValues.size(); ++c) {
            const double dice = diceScore(predicted, entry.labels, config.classValues[c]);
            if (!std::isnan(dice)) {
                sums[c] += dice;
                ++counts[c];
            }
        }
    }
    ValidationScores scores;
    double meanSum = 0;
    int meanCount = 0;
    for (size_t c = 1; c < sums.size(); ++c) {
        if (counts[c] > 0) {
            scores.perClass[config.classNames[c]] = sums[c] / counts[c];
            meanSum += sums[c] / counts[c];
            ++meanCount;
        }
    }
    scores.meanDice = meanCount > 0 ? meanSum / meanCount : 0.0;
    return scores;
}

}  // namespace logonet::training
