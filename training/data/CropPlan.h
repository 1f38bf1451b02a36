#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "geometry/ImageGeometry.h"

namespace logonet::training {

// The crop a run trains on when the user asks for `--crop auto`, chosen as nnU-Net plans its
// patch: the median prepared case size per axis, rounded down to what the network's strides divide
// and capped at `largest` (the spec's 96^3), so small phantoms train on a crop they fill instead of
// being refused (or padded to three times their size) at 96^3.
struct CropPlanOptions {
    int64_t multiple =
        32;  // every architecture here divides 32 (LoGoNet: 4 stages of stride 2 from 4)
    Size3 largest{96, 96, 96};
};

// Throws std::invalid_argument when there are no sizes or `multiple` is not positive.
Size3 planCrop(const std::vector<Size3>& caseSizes, const CropPlanOptions& options = {});

// The sizes of prepared cases from their cache headers (no voxels read); throws naming the header
// of a case that is missing or unreadable.
std::vector<Size3> preparedCaseSizes(const std::string& cacheDirectory,
                                     const std::vector<std::string>& caseIds);

}  // namespace logonet::training
