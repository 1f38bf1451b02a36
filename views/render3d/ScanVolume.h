#pragma once

#include <vtkSmartPointer.h>
#include <vtkVolume.h>

#include "volume/Volume.h"

namespace logonet {
namespace views {

// A volume-rendered prop of the scan: subsampled for large scans (see renderStep), in the scan's
// index frame scaled by spacing, with a CT transfer function (or one stretched over the
// percentile window for other modalities). The caller places it in the world.
vtkSmartPointer<vtkVolume> makeScanVolume(const ImageVolume& image);

}  // namespace views
}  // namespace logonet
