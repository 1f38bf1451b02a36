#pragma once

#include <cstdint>
#include <string>

#include "geometry/ImageGeometry.h"
#include "project/Project.h"

namespace logonet {

// "size 20x20x10, spacing 1x1x2 mm, origin (0, 0, 0) mm, direction (1 0 0; 0 1 0; 0 0 1)": the
// whole grid, since a label file that only differs in origin or direction is as wrong as one of
// another size, and the user has to see which.
std::string describeGrid(const ImageGeometry& geometry);

// Attaches a label map file to a scan already in the project as a new ground-truth version. The
// file's grid must be the scan's; otherwise ImportError names the file and shows both grids.
// Values outside the project's label set are refused the same way.
LabelVersionRecord attachLabelFile(Project& project, int64_t scanId, const std::string& file);

}  // namespace logonet
