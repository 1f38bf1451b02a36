#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "json/Json.h"
#include "volume/Volume.h"

namespace logonet {

struct LabelEntry {
    LabelValue value = 0;
    std::string name;
    std::array<unsigned char, 3> colour{255, 0, 0};
};

// The labels a project uses: value, name, colour. Value 0 is always background and not listed.
class LabelSet {
  public:
    LabelSet() = default;
    explicit LabelSet(std::vector<LabelEntry> entries);

    // The 13 abdominal organs of the BTCV challenge, in the paper's order (values 1..13).
    static LabelSet btcv();
    // {"labels": [{"value": 1, "name": "liver", "colour": [r, g, b]}, ...]}; throws JsonError.
    static LabelSet fromJson(const Json& json);
    Json toJson() const;

    const std::vector<LabelEntry>& entries() const { return entries_; }
    size_t size() const { return entries_.size(); }
    bool contains(LabelValue value) const { return find(value) != nullptr; }
    const LabelEntry* find(LabelValue value) const;
    std::optional<LabelValue> valueOf(const std::string& name) const;
    LabelValue maxValue() const;
    // "liver" or "label 7" for values the set does not name; "background" for 0.
    std::string nameOf(LabelValue value) const;

    void add(LabelEntry entry);  // replaces an entry with the same value
    void remove(LabelValue value);

  private:
    std::vector<LabelEntry> entries_;  // sorted by value
};

}  // namespace logonet
