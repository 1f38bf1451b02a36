#include "volume/ModalityGuess.h"

#include <algorithm>

namespace logonet {

std::string guessModality(const ImageVolume& image) {
    const std::vector<float>& voxels = image.voxels();
    if (voxels.empty()) {
        return "CT";
    }
    const float lowest = *std::min_element(voxels.begin(), voxels.end());
    return lowest <= -500.0f ? "CT" : "MR";
}

}  // namespace logonet
