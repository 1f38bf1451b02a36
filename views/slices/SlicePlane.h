#pragma once

#include <QString>

#include "common/VoxelIndex.h"
#include "geometry/ImageGeometry.h"

namespace logonet {
namespace views {

enum class SliceOrientation { Axial, Coronal, Sagittal };

QString orientationName(SliceOrientation orientation);

// How one voxel slice is laid out on screen in radiological convention (axial: patient right on
// screen left, anterior up; coronal: right on the left, superior up; sagittal: anterior on the
// left, superior up). The voxel axes are chosen from the direction matrix, so a scan stored with
// flipped or permuted axes still appears the right way round.
struct SlicePlane {
    SliceOrientation orientation = SliceOrientation::Axial;
    int normalAxis = 2;
    int horizontalAxis = 0;
    int verticalAxis = 1;
    // When set, screen column 0 shows the last voxel of the axis.
    bool horizontalFlip = false;
    bool verticalFlip = false;
    int width = 0;   // pixels of the slice image
    int height = 0;  // pixels of the slice image
    double horizontalSpacing = 1.0;
    double verticalSpacing = 1.0;
    int64_t sliceCount = 0;

    static SlicePlane forOrientation(SliceOrientation orientation, const ImageGeometry& geometry);

    // Slice-image pixel (u, v) of slice `slice` -> voxel index, and back.
    VoxelIndex voxelAt(int u, int v, int64_t slice) const;
    void pixelOf(const VoxelIndex& voxel, int& u, int& v) const;

    // Anatomical letters at the screen edges, e.g. 'R' on the left of an axial view.
    char leftLetter(const ImageGeometry& geometry) const;
    char rightLetter(const ImageGeometry& geometry) const;
    char topLetter(const ImageGeometry& geometry) const;
    char bottomLetter(const ImageGeometry& geometry) const;
};

}  // namespace views
}  // namespace logonet
