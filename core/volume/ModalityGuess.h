#pragma once

#include <string>

#include "volume/Volume.h"

namespace logonet {

// "CT" or "MR" for a scan whose file does not say (NIfTI, NRRD, MetaImage). CT is stored in
// Hounsfield units, where air is -1000, so a scan with voxels at or below -500 is taken for CT;
// MR intensities are arbitrary but not negative that far. A guess the user can correct.
std::string guessModality(const ImageVolume& image);

}  // namespace logonet
