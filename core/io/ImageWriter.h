#pragma once

#include <stdexcept>
#include <string>

#include "volume/Volume.h"

namespace logonet {

class ImageWriteError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// How intensities are stored on disk. Automatic keeps integer-valued images as int16 (CT) or
// uint8 when every value fits, and float otherwise, so a CT scan does not double in size.
enum class StoredPixelType { Automatic, UInt8, Int16, Float };

// Writes a volume with its exact geometry; the format follows the extension (.nii.gz, .nii, .nrrd,
// .mha, .mhd). NIfTI files get qform and sform both set to the geometry (RAS on disk, LPS in
// memory). The file is written under a temporary name beside `path` and renamed, so a reader never
// sees half a file and a failure leaves nothing behind. Throws ImageWriteError naming the path.
void writeImage(const ImageVolume& image, const std::string& path,
                StoredPixelType type = StoredPixelType::Automatic);

// Label maps are stored as uint8 when every value is <= 255, otherwise as uint16.
void writeLabelMap(const LabelVolume& labels, const std::string& path);

}  // namespace logonet
