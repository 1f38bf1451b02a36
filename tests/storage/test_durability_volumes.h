#pragma once
// The tiny volumes the durability kill test saves: each number n gives its own scan and label
// map, so every save is told apart by its content hash. Shared by the helper that saves them
// and the test that kills it; both sides compare hashes, not these generators.
#include <string>

#include "volume/Volume.h"

namespace logonet {

inline ImageGeometry durabilityTestGeometry() {
    ImageGeometry geometry;
    geometry.size = {8, 8, 8};
    geometry.spacing = {1.0, 1.0, 2.0};
    return geometry;
}

inline ImageVolume durabilityTestScan(int64_t n) {
    ImageVolume image(durabilityTestGeometry());
    for (size_t v = 0; v < image.voxels().size(); ++v) {
        image.voxels()[v] =
            static_cast<float>((static_cast<int64_t>(v) * 7 + n * 13) % 2000 - 1000);
    }
    image.voxels()[0] = static_cast<float>(n);  // distinct for every n
    return image;
}

// BTCV values 0..13, a different map for each n.
inline LabelVolume durabilityTestLabels(int64_t n) {
    LabelVolume labels(durabilityTestGeometry());
    for (size_t v = 0; v < labels.voxels().size(); ++v) {
        labels.voxels()[v] = static_cast<LabelValue>((static_cast<int64_t>(v) + n) % 14);
    }
    labels.voxels()[1] = static_cast<LabelValue>(n % 13 + 1);
    labels.voxels()[2] = static_cast<LabelValue>((n / 13) % 13 + 1);
    return labels;
}

// The checkpoint-like file: "step N\n" then a fixed 4 KiB body, so a torn file is visible.
inline std::string durabilityTestCheckpoint(int64_t n) {
    std::string text = "step " + std::to_string(n) + "\n";
    for (int i = 0; i < 4096; ++i) {
        text += static_cast<char>('a' + (i % 26));
    }
    return text;
}

}  // namespace logonet
