#pragma once

#include <string>

#include "geometry/ImageGeometry.h"
#include "json/Json.h"

namespace logonet {

// How a scan becomes a cached training case (spec section 7). A cache entry records these, and
// a case prepared with other settings is never silently reused.
struct PreprocessSettings {
    Vec3 spacing{1.5, 1.5, 2.0};  // mm, along the reoriented voxel axes
    double windowLow = -175.0;    // CT: Hounsfield window mapped to [0, 1], clipped
    double windowHigh = 250.0;
    // "ct" (fixed window), "mr" (0.5/99.5 percentiles) or "auto": each scan by its own modality
    // (the project's per-scan modality, else a guess from its intensities), so a project mixing
    // CT and MR never windows an MR scan in Hounsfield units.
    std::string modality = "ct";
    std::string orientation = "RAS";  // canonical voxel axis order

    // These settings for one scan of modality `scanModality` ("CT", "MR", "" unknown): "auto"
    // becomes "mr" for MR and "ct" otherwise; a fixed modality stays as it is.
    PreprocessSettings forScan(const std::string& scanModality) const;
    // True when a case prepared with `prepared` serves these settings: equal, or these are "auto"
    // and `prepared` is their CT or MR form.
    bool accepts(const PreprocessSettings& prepared) const;

    Json toJson() const;
    static PreprocessSettings fromJson(const Json& json);  // throws JsonError
    // "1.5x1.5x2 mm, ct window [-175, 250], RAS" for messages.
    std::string describe() const;
    bool operator==(const PreprocessSettings& other) const;
    bool operator!=(const PreprocessSettings& other) const { return !(*this == other); }
};

}  // namespace logonet
