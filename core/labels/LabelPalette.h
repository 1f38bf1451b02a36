#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "labels/LabelSet.h"

namespace logonet {

// The colours given to labels that arrive without one (a dataset.json names its labels but does
// not colour them). The first kPaletteSize are pairwise at least 20 apart in CIEDE2000
// (tests/core/test_label_colours); beyond that they repeat.
constexpr size_t kPaletteSize = 17;
std::array<unsigned char, 3> paletteColour(size_t index);

// A label set of these values and names, coloured from the palette in the order given.
LabelSet paletteLabelSet(const std::vector<std::pair<LabelValue, std::string>>& names);

}  // namespace logonet
