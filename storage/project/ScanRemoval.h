#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "project/Project.h"

namespace logonet {

// What removing a scan takes with it, for the question asked before doing it.
struct ScanRemoval {
    ScanRecord scan;
    int64_t labelVersions = 0;  // every version: ground truth, predictions, corrections
    int64_t reviews = 0;
    int64_t runMetrics = 0;          // per-label rows of evaluated runs
    std::vector<std::string> files;  // relative to the project folder

    // "scan 3 (case_002): the image scans/000003_case_002.nii.gz, 2 label version(s), ..."
    std::string describe() const;
};

ScanRemoval plannedRemoval(Project& project, int64_t scanId);

// Removes the scan's row (label versions, reviews, metrics and slice assignments go with it by
// cascade) and then its files, its prepared case in cache/ and its edit journals. The rows go in
// one transaction first: a crash between the two leaves unreferenced files, never a row pointing at
// a missing file.
ScanRemoval removeScan(Project& project, int64_t scanId);

}  // namespace logonet
