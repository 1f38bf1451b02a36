#include "review/LabelComparison.h"

#include <stdexcept>

namespace logonet {
namespace views {

namespace {

// Green, red and yellow: apart from each other and from the blue crosshair, and readable on
// grey CT for the common red-green weakness (yellow and red differ in lightness).
constexpr std::array<std::array<unsigned char, 3>, 4> kColours = {{
    {0, 0, 0},
    {40, 200, 80},
    {235, 40, 40},
    {255, 215, 0},
}};

}  // namespace

LabelVolume compareLabels(const LabelVolume& compared, const LabelVolume& reference,
                          LabelValue organ, ComparisonCounts* counts) {
    if (compared.size() != reference.size()) {
        throw std::invalid_argument("the two label maps have different sizes");
    }
    LabelVolume result(reference.geometry(), kAgreeBackground);
    ComparisonCounts tally;
    const LabelValue* a = compared.data();
    const LabelValue* b = reference.data();
    LabelValue* out = result.data();
    const size_t n = static_cast<size_t>(reference.voxelCount());
    for (size_t v = 0; v < n; ++v) {
        LabelValue kind = kAgreeBackground;
        if (organ != 0) {
            const bool inCompared = a[v] == organ;
            const bool inReference = b[v] == organ;
            kind = inCompared ? (inReference ? kTruePositive : kFalsePositive)
                              : (inReference ? kFalseNegative : kAgreeBackground);
        } else if (a[v] != 0) {
            kind = a[v] == b[v] ? kTruePositive : kFalsePositive;
        } else if (b[v] != 0) {
            kind = kFalseNegative;
        }
        out[v] = kind;
        tally.truePositives += kind == kTruePositive;
        tally.falsePositives += kind == kFalsePositive;
        tally.falseNegatives += kind == kFalseNegative;
    }
    if (counts) {
        *counts = tally;
    }
    return result;
}

LabelSet comparisonLabelSet() {
    return LabelSet({{kTruePositive, "true positive", kColours[kTruePositive]},
                     {kFalsePositive, "false positive", kColours[kFalsePositive]},
                     {kFalseNegative, "false negative", kColours[kFalseNegative]}});
}

QColor comparisonColour(ComparisonClass kind) {
    const auto& c = kColours[static_cast<size_t>(kind) % kColours.size()];
    return QColor(c[0], c[1], c[2]);
}

}  // namespace views
}  // namespace logonet
