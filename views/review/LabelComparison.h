#pragma once

#include <QColor>
#include <array>
#include <cstdint>

#include "labels/LabelSet.h"
#include "volume/Volume.h"

namespace logonet {
namespace views {

// A prediction (or any label version) against a reference (the ground truth) voxel by voxel, as
// a label map the slice views draw like any other: 1 true positive, 2 false positive, 3 false
// negative, 0 where both say background (or, for one organ, where neither has it).
enum ComparisonClass : LabelValue {
    kAgreeBackground = 0,
    kTruePositive = 1,
    kFalsePositive = 2,
    kFalseNegative = 3,
};

struct ComparisonCounts {
    int64_t truePositives = 0;
    int64_t falsePositives = 0;
    int64_t falseNegatives = 0;
};

// For one organ (`organ` > 0): TP where both have it, FP where only the compared map has it, FN
// where only the reference has it. For all organs (`organ` == 0): TP where both have the same
// organ, FP where the compared map has an organ the reference does not have there (also a wrong
// organ), FN where the reference has an organ and the compared map has background.
// Throws std::invalid_argument when the two sizes differ.
LabelVolume compareLabels(const LabelVolume& compared, const LabelVolume& reference,
                          LabelValue organ, ComparisonCounts* counts = nullptr);

// The comparison's classes as a label set (names and the colours of the legend).
LabelSet comparisonLabelSet();
QColor comparisonColour(ComparisonClass kind);

}  // namespace views
}  // namespace logonet
