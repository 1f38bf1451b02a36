#pragma once

#include <vtkPolyData.h>
#include <vtkSmartPointer.h>

#include <atomic>
#include <functional>
#include <vector>

#include "volume/Volume.h"

namespace logonet {
namespace views {

// The smoothed surface of one label, in the scan's index frame scaled by the spacing (the 3D
// view places it in the world with the scan's origin and direction).
struct LabelMesh {
    LabelValue value = 0;
    vtkSmartPointer<vtkPolyData> surface;
};

// Every how many voxels the 3D view samples a volume of this size, so that volume rendering
// and surface extraction stay interactive on large scans.
int renderStep(const Size3& size);

// Extracts and smooths the surface of every non-zero label present in `labels`. Runs on a worker
// thread: `progress` gets 0..1 after each label; when `cancel` becomes true it stops between
// labels and returns what it has (the caller discards it).
std::vector<LabelMesh> buildLabelMeshes(const LabelVolume& labels,
                                        const std::function<void(double)>& progress,
                                        const std::atomic<bool>& cancel);

}  // namespace views
}  // namespace logonet
