#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <random>
#include <vector>

#include "masking/SliceAxis.h"

namespace logonet::training {

// The masked sequences of spec section 6.
struct SliceMaskingOptions {
    double phi1 = 0.1;   // floor(phi1 * Z) run ends per crop
    int64_t length = 5;  // M: each run covers the M slices ending at a drawn index
    double phi2 = 0.7;   // probability that one patch of a masked slice is zeroed
    // Patch edge lengths; one larger than the slice covers the whole slice with one patch.
    std::vector<int64_t> patchSizes{1, 2, 4, 8, 16, 32, 96};
    SliceAxis axis = SliceAxis::Axial;
};

// One masked slice of one crop, for people and tests to inspect.
struct MaskedSlice {
    int64_t index = 0;      // along the slicing axis
    int64_t patchSize = 0;  // as drawn from the set (before clipping to the slice)
    int64_t patches = 0;    // patches in the slice's grid
    int64_t zeroed = 0;     // patches that were zeroed
};

struct MaskedCrops {
    torch::Tensor input;                           // (B, C, X, Y, Z), masked patches zeroed
    torch::Tensor masked;                          // (B, S) bool, S slices along the axis
    std::vector<std::vector<MaskedSlice>> slices;  // per crop, ordered by index
};

// Draws masked slice sequences, seeded: the same seed and calls give the same masks.
class SliceMasker {
  public:
    SliceMasker(SliceMaskingOptions options, uint64_t seed);

    // `crops` is (B, C, X, Y, Z) on any device; the masks are drawn on the CPU.
    MaskedCrops mask(const torch::Tensor& crops);
    // The --no-mask ablation: the crops unchanged and every slice counted as masked.
    static MaskedCrops unmasked(const torch::Tensor& crops, SliceAxis axis);

    const SliceMaskingOptions& options() const { return options_; }

  private:
    std::vector<int64_t> drawMaskedIndices(int64_t slices);

    SliceMaskingOptions options_;
    std::mt19937_64 random_;
};

}  // namespace logonet::training
