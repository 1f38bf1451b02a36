#include "evaluation/EvaluationSummary.h"

#include <cmath>
#include <cstdio>

namespace logonet::training {

namespace {

void meanAndStd(const std::vector<double>& values, double& mean, double& deviation) {
    mean = 0.0;
    deviation = 0.0;
    if (values.empty()) {
        return;
    }
    for (const double v : values) {
        mean += v;
    }
    mean /= static_cast<double>(values.size());
    for (const double v : values) {
        deviation += (v - mean) * (v - mean);
    }
    deviation = std::sqrt(deviation / static_cast<double>(values.size()));
}

Json number(double value) {
    return std::isfinite(value) ? Json(value) : Json(nullptr);
}

}  // namespace

EvaluationSummary::EvaluationSummary(std::vector<LabelValue> classValues,
                                     std::vector<std::string> classNames)
    : classValues_(std::move(classValues)), classNames_(std::move(classNames)) {}

void EvaluationSummary::add(const std::string& caseName, LabelValue value,
                            const ClassScore& score) {
    cases_[caseName][value] = score;
    if (score.present) {
        scores_[value].push_back(score);
    }
}

EvaluationSummary::ClassStatistics EvaluationSummary::statistics(LabelValue value) const {
    ClassStatistics out;
    const auto found = scores_.find(value);
    if (found == scores_.end()) {
        return out;
    }
    std::vector<double> dice, hd95;
    for (const auto& score : found->second) {
        dice.push_back(score.dice);
        if (std::isfinite(score.hd95)) {
            hd95.push_back(score.hd95);
        } else {
            ++out.missed;
        }
    }
    out.cases = static_cast<int>(dice.size());
    meanAndStd(dice, out.meanDice, out.stdDice);
    meanAndStd(hd95, out.meanHd95, out.stdHd95);
    return out;
}

double EvaluationSummary::meanDice() const {
    double sum = 0.0;
    int count = 0;
    for (const LabelValue value : classValues_) {
        const ClassStatistics s = statistics(value);
        if (s.cases > 0) {
            sum += s.meanDice;
            ++count;
        }
    }
    return count > 0 ? sum / count : 0.0;
}

Json EvaluationSummary::toJson() const {
    Json out = Json::object();
    out["mean_dice"] = meanDice();
    Json perClass = Json::object();
    Json classes = Json::array();
    for (size_t c = 0; c < classValues_.size(); ++c) {
        const ClassStatistics s = statistics(classValues_[c]);
        if (s.cases == 0) {
            continue;
        }
        perClass[classNames_[c]] = s.meanDice;
        classes.push_back(Json(Json::Object{{"value", Json(static_cast<int>(classValues_[c]))},
                                            {"name", classNames_[c]},
                                            {"cases", Json(s.cases)},
                                            {"dice_mean", s.meanDice},
                                            {"dice_std", s.stdDice},
                                            {"hd95_mean", s.meanHd95},
                                            {"hd95_std", s.stdHd95},
                                            {"missed", Json(s.missed)}}));
    }
    out["per_class"] = perClass;
    out["classes"] = classes;
    Json cases = Json::object();
    for (const auto& [name, scores] : cases_) {
        Json entry = Json::object();
        for (size_t c = 0; c < classValues_.size(); ++c) {
            const auto found = scores.find(classValues_[c]);
            if (found != scores.end() && found->second.present) {
                entry[classNames_[c]] = Json(Json::Object{{"dice", number(found->second.dice)},
                                                          {"hd95", number(found->second.hd95)}});
            }
        }
        cases[name] = entry;
    }
    out["cases"] = cases;
    return out;
}

std::string EvaluationSummary::table() const {
    std::string out;
    char line[200];
    std::snprintf(line, sizeof line, "%-26s %5s  %-15s  %-17s\n", "organ", "cases",
                  "Dice mean+-std", "HD95 mm mean+-std");
    out += line;
    for (size_t c = 0; c < classValues_.size(); ++c) {
        const ClassStatistics s = statistics(classValues_[c]);
        if (s.cases == 0) {
            continue;
        }
        std::snprintf(line, sizeof line, "%-26s %5d  %.3f +- %.3f    %6.2f +- %-6.2f%s\n",
                      classNames_[c].c_str(), s.cases, s.meanDice, s.stdDice, s.meanHd95, s.stdHd95,
                      s.missed > 0 ? " (missed in some cases)" : "");
        out += line;
    }
    std::snprintf(line, sizeof line, "%-26s %5s  %.3f\n", "mean (without background)", "",
                  meanDice());
    out += line;
    return out;
}

}  // namespace logonet::training
