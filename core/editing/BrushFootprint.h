#pragma once

#include <cstdint>
#include <vector>

#include "geometry/ImageGeometry.h"

namespace logonet {

struct BrushOptions {
    enum class Shape { Round, Square };
    enum class Extent { Slice, Volume };  // a disc/square on one slice, or a sphere/cube
    enum class Unit { Voxels, Millimetres };

    Shape shape = Shape::Round;
    Extent extent = Extent::Volume;
    int axis = 2;  // the slice's normal axis, for Extent::Slice
    // Distance from the centre voxel to the footprint's edge; 0 paints one voxel.
    double radius = 1.0;
    Unit unit = Unit::Voxels;
};

// The voxels a brush dab covers, relative to its centre voxel, as rows along i. In millimetres
// the footprint follows the spacing: a 5 mm round brush on 0.5x0.5x2.5 mm voxels is 21 voxels
// wide in-plane and 5 slices deep.
class BrushFootprint {
  public:
    struct Row {
        int32_t dj;
        int32_t dk;
        int32_t di0;
        int32_t di1;
    };

    // Throws std::invalid_argument for a negative or absurdly large radius or a bad axis.
    BrushFootprint(const BrushOptions& options, const Vec3& spacing);

    const BrushOptions& options() const { return options_; }
    const std::vector<Row>& rows() const { return rows_; }
    int64_t voxelCount() const { return voxelCount_; }
    bool contains(int64_t di, int64_t dj, int64_t dk) const;
    // Half-extent of the footprint along each voxel axis (0 across a slice brush).
    const Size3& reach() const { return reach_; }

  private:
    BrushOptions options_;
    Vec3 scale_{1, 1, 1};  // voxel steps -> the unit of the radius
    Size3 reach_{0, 0, 0};
    std::vector<Row> rows_;
    int64_t voxelCount_ = 0;
};

}  // namespace logonet
