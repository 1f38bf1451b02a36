#pragma once

#include <array>
#include <cstdint>
#include <string>

namespace logonet {

// The axis a crop is cut into slices along, as a voxel axis of (X, Y, Z): sagittal slices cut X,
// coronal Y, axial Z. Clustering, masking and the pre-training head all use one axis, and the
// engine and the workstation share this definition so that they cut the same slices.
enum class SliceAxis : int64_t { Sagittal = 0, Coronal = 1, Axial = 2 };

// "axial" | "coronal" | "sagittal"; throws std::invalid_argument naming the accepted words.
SliceAxis parseSliceAxis(const std::string& name);
std::string sliceAxisName(SliceAxis axis);

// The two voxel axes spanning a slice, in increasing order: a slice's (row, column) is the
// voxel index along the first and the second of them (axial: rows X, columns Y).
std::array<int, 2> slicePlaneAxes(SliceAxis axis);

}  // namespace logonet
