#pragma once

#include <map>
#include <string>
#include <vector>

#include "json/Json.h"
#include "metrics/SegmentationMetrics.h"

namespace logonet::training {

// Per-case, per-class scores of a run on a split, with mean and standard deviation per class.
// A class absent from both prediction and truth of a case does not count for that case; an
// infinite HD95 (organ missed entirely) is counted in `missed` and left out of the HD95 mean.
class EvaluationSummary {
  public:
    struct ClassStatistics {
        int cases = 0;
        double meanDice = 0.0;
        double stdDice = 0.0;
        double meanHd95 = 0.0;  // over finite values
        double stdHd95 = 0.0;
        int missed = 0;
    };

    // classValues/classNames without background.
    EvaluationSummary(std::vector<LabelValue> classValues, std::vector<std::string> classNames);

    void add(const std::string& caseName, LabelValue value, const ClassScore& score);
    ClassStatistics statistics(LabelValue value) const;
    // Mean over the classes that occurred of their mean Dice (background excluded).
    double meanDice() const;
    // {"mean_dice", "per_class": {name: mean dice}, "classes": [...], "cases": {...}}
    Json toJson() const;
    // A fixed-width table: organ, cases, Dice mean +- std, HD95 mean +- std.
    std::string table() const;

  private:
    std::vector<LabelValue> classValues_;
    std::vector<std::string> classNames_;
    std::map<LabelValue, std::vector<ClassScore>> scores_;
    std::map<std::string, std::map<LabelValue, ClassScore>> cases_;
};

}  // namespace logonet::training
