#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <vector>

#include "masking/MaskingPlan.h"
#include "masking/SliceAxis.h"

namespace logonet::training {

// The plan and the axis are drawn in core (std only), so the workstation draws the same masks.
using logonet::MaskedSlice;
using logonet::parseSliceAxis;
using logonet::SliceAxis;
using logonet::sliceAxisName;
using logonet::SliceMaskingOptions;

struct MaskedCrops {
    torch::Tensor input;                           // (B, C, X, Y, Z), masked patches zeroed
    torch::Tensor masked;                          // (B, S) bool, S slices along the axis
    std::vector<std::vector<MaskedSlice>> slices;  // per crop, ordered by index
};

// Masks crops with seeded MaskingPlanner plans: the same seed and calls give the same masks,
// and the same voxels as the workstation's masked-sequence view for that seed.
class SliceMasker {
  public:
    SliceMasker(SliceMaskingOptions options, uint64_t seed);

    // `crops` is (B, C, X, Y, Z) on any device; one plan per crop, drawn in batch order.
    MaskedCrops mask(const torch::Tensor& crops);
    // The --no-mask ablation: the crops unchanged and every slice counted as masked.
    static MaskedCrops unmasked(const torch::Tensor& crops, SliceAxis axis);

    const SliceMaskingOptions& options() const { return planner_.options(); }

  private:
    MaskingPlanner planner_;
};

}  // namespace logonet::training
