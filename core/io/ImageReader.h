#pragma once

#include <stdexcept>
#include <string>

#include "geometry/ImageGeometry.h"
#include "volume/Volume.h"

namespace logonet {

// A file or folder that cannot be read as a 3D scan. The message names the path and the problem
// ("x.nii.gz: truncated or corrupted gzip data"), ready to show to a user as it is.
class ImageReadError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Reads a 3D image: NIfTI (.nii, .nii.gz), NRRD (.nrrd, .nhdr), MetaImage (.mha, .mhd) or a
// folder holding exactly one DICOM series (slices ordered by position). Geometry is LPS, exactly
// as ITK gives it. Intensities become float whatever the file stored. Throws ImageReadError.
ImageVolume readImage(const std::string& path);

// Reads a label map (same formats). Voxel values must be whole numbers in 0..65535; anything else
// is an ImageReadError naming the offending value.
LabelVolume readLabelMap(const std::string& path);

// Only the header: size, spacing, origin and direction, without reading the voxels.
ImageGeometry readImageGeometry(const std::string& path);

// The pixel type the file stores ("int16", "uint8", "float", ...), from its header.
std::string readPixelType(const std::string& path);

// The file name without folder and without image extensions (.nii.gz, .nii, .nrrd, .nhdr, .mha,
// .mhd): "/data/case_001.nii.gz" -> "case_001". Used to match images with their label maps.
std::string imageStem(const std::string& path);

// True for file names with an extension readImage understands.
bool hasImageExtension(const std::string& path);

}  // namespace logonet
