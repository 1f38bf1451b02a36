#include "phantom/PhantomVariety.h"

#include <random>

namespace logonet {

PhantomOptions variedPhantomOptions(uint64_t seed) {
    PhantomOptions options;
    options.seed = seed;
    // A stream of its own, so the anatomy (drawn from options.seed by the generator) and the
    // scanner do not move together.
    std::mt19937_64 scanner(seed * 7919 + 17);
    const auto uniform = [&scanner](double low, double high) {
        return std::uniform_real_distribution<double>(low, high)(scanner);
    };
    options.noise = uniform(10.0, 35.0);
    // The smallest field of view still leaves the body 32 voxels or more at 3x3x4 mm, the
    // experiment's fine-tuning crop (at 1.4 mm a body was 29 voxels deep).
    const double inPlane = uniform(1.5, 1.9);
    options.spacing = {inPlane, inPlane, uniform(2.0, 2.6)};
    options.enhancement = uniform(0.3, 1.5);
    options.craniocaudalShift = uniform(-0.15, 0.15);
    return options;
}

}  // namespace logonet
