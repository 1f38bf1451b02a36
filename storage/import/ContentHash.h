#pragma once

#include <string>

#include "volume/Volume.h"

namespace logonet {

// A 128-bit fingerprint (32 hex digits) of an image's voxels and grid. The same scan saved in
// another format or under another name hashes the same, which is how import spots duplicates.
// Not cryptographic: it guards against accidents, not against an adversary.
std::string contentHash(const ImageVolume& image);
// The same fingerprint of a label map: what `logonet check` compares a label file against.
std::string contentHash(const LabelVolume& labels);

}  // namespace logonet
