#pragma once

#include <optional>
#include <string>

#include "geometry/ImageGeometry.h"
#include "project/Project.h"

namespace logonet {

// How a project's scans are prepared for training unless a run says otherwise: the modality
// ("auto": each scan by its own, "ct" or "mr" for all) and the target spacing. Stored in the
// project's meta table once a user sets them; until then the modality is "auto" and the spacing
// the spec's 1.5 x 1.5 x 2 mm.
struct PreparationDefaults {
    std::string modality = "auto";
    Vec3 spacing{1.5, 1.5, 2.0};
    bool stored = false;  // false: nothing set yet, these are the built-in values
};

// What the scans themselves suggest: "ct" or "mr" when every scan is of that modality, else
// "auto"; the median spacing per axis (nnU-Net's choice of target spacing). Built-in values for a
// project without scans.
PreparationDefaults suggestedDefaults(const Project& project);

PreparationDefaults preparationDefaults(Project& project);
// Throws StorageError for a modality other than auto/ct/mr or a spacing that is not positive.
void setPreparationDefaults(Project& project, const PreparationDefaults& defaults);

}  // namespace logonet
