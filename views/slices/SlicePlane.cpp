#include "slices/SlicePlane.h"

#include <QCoreApplication>
#include <cmath>

namespace logonet {
namespace views {

QString orientationName(SliceOrientation orientation) {
    switch (orientation) {
        case SliceOrientation::Axial:
            return QCoreApplication::translate("SlicePlane", "Axial");
        case SliceOrientation::Coronal:
            return QCoreApplication::translate("SlicePlane", "Coronal");
        case SliceOrientation::Sagittal:
            return QCoreApplication::translate("SlicePlane", "Sagittal");
    }
    return {};
}

namespace {

// voxelAxisOf[w] is the voxel axis that runs closest to world axis w (x: L, y: P, z: S). Greedy
// on the largest cosine, so that even an oblique matrix yields a permutation.
std::array<int, 3> voxelAxesOfWorldAxes(const Mat3& direction) {
    std::array<int, 3> voxelAxisOf{-1, -1, -1};
    bool worldUsed[3] = {false, false, false};
    bool voxelUsed[3] = {false, false, false};
    for (int round = 0; round < 3; ++round) {
        int bestWorld = -1;
        int bestVoxel = -1;
        double best = -1.0;
        for (int w = 0; w < 3; ++w) {
            for (int c = 0; c < 3; ++c) {
                const double v = std::abs(direction[w * 3 + c]);
                if (!worldUsed[w] && !voxelUsed[c] && v > best) {
                    best = v;
                    bestWorld = w;
                    bestVoxel = c;
                }
            }
        }
        worldUsed[bestWorld] = true;
        voxelUsed[bestVoxel] = true;
        voxelAxisOf[bestWorld] = bestVoxel;
    }
    return voxelAxisOf;
}

}  // namespace

SlicePlane SlicePlane::forOrientation(SliceOrientation orientation, const ImageGeometry& geometry) {
    const auto axisOf = voxelAxesOfWorldAxes(geometry.direction);
    const auto& d = geometry.direction;
    auto component = [&](int world, int voxelAxis) { return d[world * 3 + voxelAxis]; };
    SlicePlane plane;
    plane.orientation = orientation;
    switch (orientation) {
        case SliceOrientation::Axial:
            plane.normalAxis = axisOf[2];
            plane.horizontalAxis = axisOf[0];
            plane.verticalAxis = axisOf[1];
            // Screen right is patient left (+x), screen down is posterior (+y).
            plane.horizontalFlip = component(0, plane.horizontalAxis) < 0;
            plane.verticalFlip = component(1, plane.verticalAxis) < 0;
            break;
        case SliceOrientation::Coronal:
            plane.normalAxis = axisOf[1];
            plane.horizontalAxis = axisOf[0];
            plane.verticalAxis = axisOf[2];
            // Screen down is inferior (-z).
            plane.horizontalFlip = component(0, plane.horizontalAxis) < 0;
            plane.verticalFlip = component(2, plane.verticalAxis) > 0;
            break;
        case SliceOrientation::Sagittal:
            plane.normalAxis = axisOf[0];
            plane.horizontalAxis = axisOf[1];
            plane.verticalAxis = axisOf[2];
            // Screen right is posterior (+y), screen down is inferior.
            plane.horizontalFlip = component(1, plane.horizontalAxis) < 0;
            plane.verticalFlip = component(2, plane.verticalAxis) > 0;
            break;
    }
    plane.width = static_cast<int>(geometry.size[plane.horizontalAxis]);
    plane.height = static_cast<int>(geometry.size[plane.verticalAxis]);
    plane.horizontalSpacing = geometry.spacing[plane.horizontalAxis];
    plane.verticalSpacing = geometry.spacing[plane.verticalAxis];
    plane.sliceCount = geometry.size[plane.normalAxis];
    return plane;
}

VoxelIndex SlicePlane::voxelAt(int u, int v, int64_t slice) const {
    VoxelIndex voxel{0, 0, 0};
    voxel[normalAxis] = slice;
    voxel[horizontalAxis] = horizontalFlip ? width - 1 - u : u;
    voxel[verticalAxis] = verticalFlip ? height - 1 - v : v;
    return voxel;
}

void SlicePlane::pixelOf(const VoxelIndex& voxel, int& u, int& v) const {
    const int h = static_cast<int>(voxel[horizontalAxis]);
    const int w = static_cast<int>(voxel[verticalAxis]);
    u = horizontalFlip ? width - 1 - h : h;
    v = verticalFlip ? height - 1 - w : w;
}

char SlicePlane::leftLetter(const ImageGeometry& geometry) const {
    return geometry.axisLetter(horizontalAxis, horizontalFlip);
}
char SlicePlane::rightLetter(const ImageGeometry& geometry) const {
    return geometry.axisLetter(horizontalAxis, !horizontalFlip);
}
char SlicePlane::topLetter(const ImageGeometry& geometry) const {
    return geometry.axisLetter(verticalAxis, verticalFlip);
}
char SlicePlane::bottomLetter(const ImageGeometry& geometry) const {
    return geometry.axisLetter(verticalAxis, !verticalFlip);
}

}  // namespace views
}  // namespace logonet
