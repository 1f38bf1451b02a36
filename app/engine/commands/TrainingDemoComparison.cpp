#include "commands/TrainingDemoComparison.h"

#ifdef LOGONET_HAVE_STORAGE

#include <cstdio>

namespace logonet::cli {

namespace {

// The organ's entry of evaluation.json's "classes", or null when the run did not score it.
const Json* organ(const Json& evaluation, const std::string& name) {
    for (const Json& entry : evaluation.at("classes").asArray()) {
        if (entry.value("name", std::string()) == name) {
            return &entry;
        }
    }
    return nullptr;
}

std::string diceCell(const Json* entry) {
    if (entry == nullptr) {
        return "-";
    }
    char text[32];
    std::snprintf(text, sizeof text, "%.3f +- %.3f", entry->value("dice_mean", 0.0),
                  entry->value("dice_std", 0.0));
    return text;
}

Json summaryOf(const Json& evaluation) {
    Json out = Json::object();
    out["mean_dice"] = evaluation.at("mean_dice");
    out["per_class"] = evaluation.at("per_class");
    out["classes"] = evaluation.at("classes");
    out["cases"] = Json(static_cast<int64_t>(evaluation.at("cases").asObject().size()));
    return out;
}

}  // namespace

std::string diceComparisonTable(const Json& without, const Json& with) {
    std::string out;
    char line[160];
    std::snprintf(line, sizeof line, "%-22s %-18s %-18s %s\n", "organ", "Dice (scratch)",
                  "Dice (pre-trained)", "change");
    out += line;
    for (const Json& entry : without.at("classes").asArray()) {
        const std::string name = entry.value("name", std::string());
        const Json* other = organ(with, name);
        char change[16] = "-";
        if (other != nullptr) {
            std::snprintf(change, sizeof change, "%+.3f",
                          other->value("dice_mean", 0.0) - entry.value("dice_mean", 0.0));
        }
        std::snprintf(line, sizeof line, "%-22s %-18s %-18s %s\n", name.c_str(),
                      diceCell(&entry).c_str(), diceCell(other).c_str(), change);
        out += line;
    }
    const double before = without.value("mean_dice", 0.0);
    const double after = with.value("mean_dice", 0.0);
    std::snprintf(line, sizeof line, "%-22s %-18.3f %-18.3f %+.3f\n", "mean Dice", before, after,
                  after - before);
    out += line;
    return out;
}

Json diceComparisonJson(const Json& without, const Json& with) {
    Json out = summaryOf(without);
    out["pretrained"] = summaryOf(with);
    return out;
}

}  // namespace logonet::cli

#endif
