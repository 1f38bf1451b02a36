#include "labels/LabelPalette.h"

namespace logonet {

namespace {

// Well-separated colours, most saturated first so small label sets get the clearest ones.
constexpr std::array<std::array<unsigned char, 3>, kPaletteSize> kPalette{{
    {230, 25, 75},    // red
    {60, 180, 75},    // green
    {255, 225, 25},   // yellow
    {0, 130, 200},    // blue
    {245, 130, 48},   // orange
    {145, 30, 180},   // purple
    {70, 240, 240},   // cyan
    {240, 50, 230},   // magenta
    {250, 190, 212},  // pink
    {0, 128, 128},    // teal
    {128, 0, 0},      // maroon
    {128, 128, 0},    // olive
    {255, 215, 180},  // apricot
    {0, 0, 128},      // navy
    {128, 128, 128},  // grey
    {0, 90, 50},      // dark green
    {150, 200, 255},  // light blue
}};

}  // namespace

std::array<unsigned char, 3> paletteColour(size_t index) {
    return kPalette[index % kPaletteSize];
}

LabelSet paletteLabelSet(const std::vector<std::pair<LabelValue, std::string>>& names) {
    std::vector<LabelEntry> entries;
    for (size_t n = 0; n < names.size(); ++n) {
        entries.push_back({names[n].first, names[n].second, paletteColour(n)});
    }
    return LabelSet(entries);
}

}  // namespace logonet
