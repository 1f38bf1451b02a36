#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "labels/LabelSet.h"
#include "volume/Volume.h"

namespace logonet {
class Project;
}

namespace logonet {
namespace views {

// Where a reviewer should look for one case and organ of a run: the scan, and the slice along
// `axis` where the run's prediction and the ground truth disagree most for that organ.
struct ReviewTarget {
    int64_t scanId = 0;
    int64_t slice = -1;    // -1: no prediction of the run, no such organ, or no disagreement
    LabelValue organ = 0;  // 0: all organs (a summary column)
    std::optional<int64_t> referenceId;   // the scan's current labels (ground truth or correction)
    std::optional<int64_t> predictionId;  // the run's newest prediction of the scan
};

// The slice index along `axis` (0, 1, 2) with the most voxels where exactly one of the two label
// maps has `value` (for `value` 0: where the two maps differ at all); -1 when they agree
// everywhere or their sizes differ.
int64_t largestErrorSlice(const LabelVolume& prediction, const LabelVolume& truth, LabelValue value,
                          int axis);

// An empty `organ` means all organs. Throws std::runtime_error naming the project when it has no
// scan named `caseName`.
ReviewTarget findReviewTarget(const Project& project, const std::string& runName,
                              const std::string& caseName, const std::string& organ, int axis);

}  // namespace views
}  // namespace logonet
