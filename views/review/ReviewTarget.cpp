#include "review/ReviewTarget.h"

#include <stdexcept>
#include <vector>

#include "project/Project.h"

namespace logonet {
namespace views {

int64_t largestErrorSlice(const LabelVolume& prediction, const LabelVolume& truth, LabelValue value,
                          int axis) {
    const Size3& size = truth.size();
    if (prediction.size() != size || axis < 0 || axis > 2) {
        return -1;
    }
    std::vector<int64_t> errors(static_cast<size_t>(size[axis]), 0);
    for (int64_t k = 0; k < size[2]; ++k) {
        for (int64_t j = 0; j < size[1]; ++j) {
            for (int64_t i = 0; i < size[0]; ++i) {
                const LabelValue a = prediction.at(i, j, k);
                const LabelValue b = truth.at(i, j, k);
                if (value == 0 ? a != b : (a == value) != (b == value)) {
                    const int64_t index[3] = {i, j, k};
                    ++errors[static_cast<size_t>(index[axis])];
                }
            }
        }
    }
    int64_t best = -1;
    int64_t most = 0;
    for (size_t s = 0; s < errors.size(); ++s) {
        if (errors[s] > most) {
            most = errors[s];
            best = static_cast<int64_t>(s);
        }
    }
    return best;
}

ReviewTarget findReviewTarget(const Project& project, const std::string& runName,
                              const std::string& caseName, const std::string& organ, int axis) {
    ReviewTarget target;
    bool found = false;
    for (const ScanRecord& scan : project.scans()) {
        if (scan.name == caseName) {
            target.scanId = scan.id;
            found = true;
            break;
        }
    }
    if (!found) {
        throw std::runtime_error("The project " + project.path() + " has no scan named '" +
                                 caseName + "'.");
    }
    const auto value =
        organ.empty() ? std::optional<LabelValue>(0) : project.labelSet().valueOf(organ);
    const auto truth = project.currentLabels(target.scanId);
    if (!value || !truth) {
        return target;
    }
    target.organ = *value;
    target.referenceId = truth->id;
    // The run's newest prediction of this scan (`logonet evaluate` stores one per evaluation).
    std::optional<LabelVersionRecord> prediction;
    for (const LabelVersionRecord& version : project.labelVersions(target.scanId)) {
        if (version.kind == "prediction" && version.runName == runName) {
            prediction = version;
        }
    }
    if (prediction) {
        target.predictionId = prediction->id;
        target.slice = largestErrorSlice(project.loadLabels(prediction->id),
                                         project.loadLabels(truth->id), *value, axis);
    }
    return target;
}

}  // namespace views
}  // namespace logonet
