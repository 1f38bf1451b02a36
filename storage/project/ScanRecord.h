#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "geometry/ImageGeometry.h"

namespace logonet {

// One imported scan as the project database knows it.
struct ScanRecord {
    int64_t id = 0;
    std::string name;         // shown to the user, e.g. "case_001"
    std::string path;         // relative to the project folder, e.g. "scans/000001_case_001.nii.gz"
    std::string contentHash;  // of voxels + geometry: the same scan imported twice is recognised
    std::string modality;     // "CT", "MR", ... ("" when unknown)
    std::string sourcePath;   // where it was imported from (informative only)
    std::string pixelType;    // what the stored file holds: "int16", "float", ...
    Size3 size{0, 0, 0};
    Vec3 spacing{1, 1, 1};
    bool labeled = false;         // has a ground-truth label version
    std::string split = "train";  // "train", "val" or "test"
    int fold = -1;                // k-fold cross-validation fold, -1 when the project has none
    std::vector<std::string> tags;
    std::string importedAt;  // ISO 8601 UTC
};

}  // namespace logonet
