#include "data/TrainingCase.h"

#include <stdexcept>

namespace logonet::training {

TrainingCase makeTrainingCase(const CachedCase& entry, const std::vector<LabelValue>& classValues) {
    if (!entry.labeled()) {
        throw std::invalid_argument("case " + entry.id + " has no labels");
    }
    if (classValues.size() > 255) {
        throw std::invalid_argument("at most 254 classes are supported");
    }
    std::vector<int> lookup(65536, -1);
    for (size_t c = 0; c < classValues.size(); ++c) {
        lookup[classValues[c]] = static_cast<int>(c);
    }
    lookup[0] = 0;
    TrainingCase out;
    out.id = entry.id;
    out.image = entry.image;
    out.classes = Volume<uint8_t>(entry.labels.geometry(), uint8_t{0});
    const auto& labels = entry.labels.voxels();
    auto& classes = out.classes.voxels();
    for (size_t n = 0; n < labels.size(); ++n) {
        const int c = lookup[labels[n]];
        if (c < 0) {
            throw std::invalid_argument("case " + entry.id + ": label value " +
                                        std::to_string(labels[n]) +
                                        " is not in the label set of the run");
        }
        classes[n] = static_cast<uint8_t>(c);
        if (c != 0) {
            out.foreground.push_back(static_cast<uint32_t>(n));
        }
    }
    std::vector<std::vector<uint32_t>> byClass(classValues.size());
    for (const uint32_t n : out.foreground) {
        byClass[classes[n]].push_back(n);
    }
    for (size_t c = 1; c < byClass.size(); ++c) {
        if (!byClass[c].empty()) {
            out.classVoxels.emplace_back(static_cast<uint8_t>(c), std::move(byClass[c]));
        }
    }
    return out;
}

}  // namespace logonet::training
