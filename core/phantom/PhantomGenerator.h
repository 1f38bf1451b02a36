#pragma once

#include <cstdint>

#include "geometry/ImageGeometry.h"
#include "labels/LabelSet.h"
#include "volume/Volume.h"

namespace logonet {

struct PhantomOptions {
    Size3 size{96, 96, 64};
    Vec3 spacing{1.5, 1.5, 2.0};
    uint64_t seed = 1;
    double noise = 20.0;  // standard deviation of the Gaussian noise, in HU
    // Contrast phase: how far the organs and the aorta stand above unenhanced soft tissue
    // (40 HU), as a factor of the portal-venous look at 1.0 (about 0.3: no contrast agent,
    // 1.5: late arterial). Real labs mix phases; a network trained on one must meet the others.
    double enhancement = 1.0;
    // Scan coverage: the anatomy moved along the body axis by this fraction of the field of
    // view's half height (positive: the organs sit higher in the scan), in [-0.5, 0.5].
    double craniocaudalShift = 0.0;
};

struct PhantomCase {
    ImageVolume image;   // Hounsfield-like intensities
    LabelVolume labels;  // BTCV label values, same geometry as the image
};

// A synthetic abdominal CT: air around a body outline of fat and muscle, a spine, and the organs
// spleen (1), right kidney (2), left kidney (3), liver (6), stomach (7, with an air pocket) and
// aorta (8) as deformed ellipsoids and tubes whose size, shape and position vary with the seed.
// Axial slices, LPS direction = identity: voxel x grows to the patient's left, so the liver sits
// at small x and the spleen at large x. Deterministic for a given options struct.
PhantomCase generatePhantom(const PhantomOptions& options);

// The labels the phantom draws, with BTCV values, names and colours (a subset of LabelSet::btcv()).
LabelSet phantomLabelSet();

}  // namespace logonet
