#include "labels/LabelSet.h"

#include <algorithm>

namespace logonet {

LabelSet::LabelSet(std::vector<LabelEntry> entries) {
    for (auto& entry : entries) {
        add(std::move(entry));
    }
}

LabelSet LabelSet::btcv() {
    // Neighbouring organs must not share a colour (both kidneys, both adrenals, gallbladder and
    // vena cava did): every two colours here are at least 20 apart in CIEDE2000, which
    // tests/core/test_label_colours checks.
    return LabelSet({{1, "spleen", {145, 30, 180}},
                     {2, "right kidney", {170, 110, 40}},
                     {3, "left kidney", {128, 128, 0}},
                     {4, "gallbladder", {60, 180, 75}},
                     {5, "esophagus", {250, 190, 212}},
                     {6, "liver", {128, 0, 0}},
                     {7, "stomach", {255, 225, 25}},
                     {8, "aorta", {230, 25, 75}},
                     {9, "inferior vena cava", {0, 130, 200}},
                     {10, "portal and splenic veins", {70, 240, 240}},
                     {11, "pancreas", {255, 215, 180}},
                     {12, "right adrenal gland", {240, 50, 230}},
                     {13, "left adrenal gland", {0, 128, 128}}});
}

LabelSet LabelSet::fromJson(const Json& json) {
    LabelSet set;
    const Json& labels = json.isArray() ? json : json.at("labels");
    for (const Json& item : labels.asArray()) {
        LabelEntry entry;
        const int64_t value = item.at("value").asInt();
        if (value <= 0 || value > 65535) {
            throw JsonError("label value " + std::to_string(value) + " is outside 1..65535");
        }
        entry.value = static_cast<LabelValue>(value);
        entry.name = item.at("name").asString();
        if (item.contains("colour")) {
            const Json& colour = item.at("colour");
            for (size_t c = 0; c < 3; ++c) {
                entry.colour[c] =
                    static_cast<unsigned char>(std::clamp<int64_t>(colour[c].asInt(), 0, 255));
            }
        }
        set.add(entry);
    }
    return set;
}

Json LabelSet::toJson() const {
    Json labels = Json::array();
    for (const auto& entry : entries_) {
        Json item = Json::object();
        item["value"] = static_cast<int>(entry.value);
        item["name"] = entry.name;
        item["colour"] =
            Json(Json::Array{static_cast<int>(entry.colour[0]), static_cast<int>(entry.colour[1]),
                             static_cast<int>(entry.colour[2])});
        labels.push_back(item);
    }
    Json result = Json::object();
    result["labels"] = labels;
    return result;
}

const LabelEntry* LabelSet::find(LabelValue value) const {
    for (const auto& entry : entries_) {
        if (entry.value == value) {
            return &entry;
        }
    }
    return nullptr;
}

std::optional<LabelValue> LabelSet::valueOf(const std::string& name) const {
    for (const auto& entry : entries_) {
        if (entry.name == name) {
            return entry.value;
        }
    }
    return std::nullopt;
}

LabelValue LabelSet::maxValue() const {
    return entries_.empty() ? 0 : entries_.back().value;
}

std::string LabelSet::nameOf(LabelValue value) const {
    if (value == 0) {
        return "background";
    }
    const LabelEntry* entry = find(value);
    return entry ? entry->name : "label " + std::to_string(value);
}

void LabelSet::add(LabelEntry entry) {
    remove(entry.value);
    const auto position =
        std::lower_bound(entries_.begin(), entries_.end(), entry.value,
                         [](const LabelEntry& e, LabelValue v) { return e.value < v; });
    entries_.insert(position, std::move(entry));
}

void LabelSet::remove(LabelValue value) {
    entries_.erase(std::remove_if(entries_.begin(), entries_.end(),
                                  [value](const LabelEntry& e) { return e.value == value; }),
                   entries_.end());
}

}  // namespace logonet
