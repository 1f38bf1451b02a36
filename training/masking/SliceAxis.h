#pragma once

#include <cstdint>
#include <string>

namespace logonet::training {

// The axis a crop is cut into slices along, as a spatial index of (X, Y, Z): sagittal slices
// cut X, coronal Y, axial Z. Clustering, masking and the pre-training head all use one axis.
enum class SliceAxis : int64_t { Sagittal = 0, Coronal = 1, Axial = 2 };

// "axial" | "coronal" | "sagittal"; throws std::invalid_argument naming the accepted words.
SliceAxis parseSliceAxis(const std::string& name);
std::string sliceAxisName(SliceAxis axis);

}  // namespace logonet::training
