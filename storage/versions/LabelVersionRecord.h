#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace logonet {

// One label map of a scan: its ground truth, a run's prediction, or a user's correction of either.
struct LabelVersionRecord {
    int64_t id = 0;
    int64_t scanId = 0;
    std::string kind;                        // "ground-truth", "prediction" or "correction"
    std::string runName;                     // the run that predicted it ("" for ground truth)
    std::optional<int64_t> parentVersionId;  // the version a correction started from
    std::string path;     // relative to the project folder, e.g. "labels/000001_v3.nii.gz"
    std::string created;  // ISO 8601 UTC
};

}  // namespace logonet
