#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "cache/CachedCase.h"
#include "labels/LabelSet.h"

namespace logonet::training {

// A labelled cached case ready for crop sampling: labels already turned into class indices
// (0 = background, 1.. = the run's classes) and the labelled voxels listed once, so that a
// positive crop centre is one random pick.
struct TrainingCase {
    std::string id;
    ImageVolume image;
    Volume<uint8_t> classes;
    std::vector<uint32_t> foreground;  // voxel offsets with a class other than background
    // The voxel offsets of each class present in the case (class index, offsets), so that a
    // positive crop can pick the class first: small organs then get as many crops as the liver.
    std::vector<std::pair<uint8_t, std::vector<uint32_t>>> classVoxels;
};

// Maps label values to class indices through `classValues` (classValues[c] is the label value of
// class c; classValues[0] = 0). Throws std::invalid_argument naming the case and the first label
// value that is not one of the classes (a label outside the project's label set).
TrainingCase makeTrainingCase(const CachedCase& entry, const std::vector<LabelValue>& classValues);

}  // namespace logonet::training
