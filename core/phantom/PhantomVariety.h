#pragma once

#include <cstdint>

#include "phantom/PhantomGenerator.h"

namespace logonet {

// The options of phantom `seed` as a lab's mixed scanners and protocols give them: noise 10-35
// HU, in-plane spacing 1.5-1.9 mm and slices 2.0-2.6 mm over the same voxel grid (so the field of
// view changes too), contrast phase (enhancement 0.3-1.5) and scan coverage (anatomy shifted by
// up to 0.15 of the half height). Drawn from the seed alone, so a case is reproducible; many such
// phantoms are not copies of one another, which pre-training on them must generalise over.
PhantomOptions variedPhantomOptions(uint64_t seed);

}  // namespace logonet
