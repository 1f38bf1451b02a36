#pragma once

#include <cstdint>
#include <random>
#include <vector>

#include "masking/SliceAxis.h"
#include "volume/Volume.h"

namespace logonet {

// The masked sequences of spec section 6.
struct SliceMaskingOptions {
    double phi1 = 0.1;   // floor(phi1 * Z) run ends per crop
    int64_t length = 5;  // M: each run covers the M slices ending at a drawn index
    double phi2 = 0.7;   // probability that one patch of a masked slice is zeroed
    // Patch edge lengths; one larger than the slice covers the whole slice with one patch.
    std::vector<int64_t> patchSizes{1, 2, 4, 8, 16, 32, 96};
    SliceAxis axis = SliceAxis::Axial;
};

// Throws std::invalid_argument saying which option is out of range.
void checkMaskingOptions(const SliceMaskingOptions& options);

// One masked slice of one crop: its patch grid and which patches are zeroed.
struct MaskedSlice {
    int64_t index = 0;      // along the slicing axis
    int64_t patchSize = 0;  // as drawn from the set (before clipping to the slice)
    int64_t patches = 0;    // patches in the slice's grid
    int64_t zeroed = 0;     // patches that were zeroed
    int64_t edge = 0;       // patch edge in voxels: the size clipped to the slice's longer side
    int64_t gridRows = 0;
    int64_t gridColumns = 0;
    std::vector<uint8_t> zeroedPatches;  // gridRows x gridColumns, row-major; 1 = zeroed

    // Whether voxel (row, column) of the slice keeps its value.
    bool keeps(int64_t row, int64_t column) const {
        return zeroedPatches[static_cast<size_t>((row / edge) * gridColumns + column / edge)] == 0;
    }
};

// Everything masking decides for one crop, without touching a voxel: the engine applies it to
// tensors, the workstation to the crop it shows, so both hide exactly the same voxels.
struct CropMaskingPlan {
    int64_t slices = 0;               // along the slicing axis
    int64_t rows = 0;                 // of a slice, along the first axis of slicePlaneAxes()
    int64_t columns = 0;              // along the second
    std::vector<int64_t> runEnds;     // as drawn (a run is the `length` slices ending there)
    std::vector<MaskedSlice> masked;  // ordered by index, each slice once
    const MaskedSlice* find(int64_t index) const;  // null when the slice is not masked
};

// Draws masking plans from a seed: the same seed, options and calls give the same plans, in the
// engine and in the workstation alike (one std::mt19937_64 sequence).
class MaskingPlanner {
  public:
    // Throws std::invalid_argument for options out of range.
    MaskingPlanner(SliceMaskingOptions options, uint64_t seed);

    CropMaskingPlan draw(int64_t slices, int64_t rows, int64_t columns);
    // The plan for a crop of this size, cut along the options' axis.
    CropMaskingPlan draw(const Size3& cropSize);

    const SliceMaskingOptions& options() const { return options_; }

  private:
    std::vector<int64_t> drawRunEnds(int64_t slices);

    SliceMaskingOptions options_;
    std::mt19937_64 random_;
};

// Zeroes the patches `plan` masks in `crop`, cut along `axis` (the plan must fit its size).
void applyMaskingPlan(const CropMaskingPlan& plan, SliceAxis axis, ImageVolume& crop);

}  // namespace logonet
