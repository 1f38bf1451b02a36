#pragma once

#include <QHash>
#include <QtGlobal>
#include <optional>

#include "clusters/ClusterStore.h"
#include "clusters/ScanGeometries.h"
#include "geometry/ImageGeometry.h"
#include "masking/GridSliceMapping.h"

namespace logonet {
namespace views {

// What a clusterer's stored slice indices count, per scan: the slices of the window of the
// scan's prepared case that `logonet cluster` labeled (ClusterSliceWindow), or, for a clustering
// made before those windows were stored, the slices of the whole scan squeezed to crop^3. Maps
// them to the scan's own slices and back, so that a click opens the anatomy that was clustered.
class ClusterSliceGrids {
  public:
    // `scans` (owned by the caller) gives the scans' own grids.
    explicit ClusterSliceGrids(ScanGeometries* scans) : scans_(scans) {}

    // The clusterer whose settings say how its slices were cut; nullptr forgets it.
    void setClusterer(const ClustererRecord* clusterer);

    // The grid of `scanId`'s stored slices; nullopt without a clusterer, for an unknown scan or
    // for one the clustering left out (test scans; labeled ones without --include-labeled).
    std::optional<ImageGeometry> gridOf(qint64 scanId) const;
    // How many slices of `scanId` the clusterer stores along its slicing axis (0 if unknown).
    qint64 sliceCount(qint64 scanId) const;
    // The scan slice showing stored slice `index`.
    std::optional<ScanSlice> scanSliceOf(qint64 scanId, qint64 index) const;
    // The stored slice nearest to scan voxel `voxel`.
    std::optional<qint64> sliceOfScanVoxel(qint64 scanId, const Size3& voxel) const;

    int axis() const { return axis_; }
    int crop() const { return crop_; }

  private:
    // The grid as stored (parsed and checked once per scan: the strip's marker asks on every
    // cursor move), or the older clustering's crop grid.
    std::optional<ImageGeometry> resolveGrid(qint64 scanId) const;

    ScanGeometries* scans_;
    std::optional<ClustererRecord> clusterer_;
    mutable QHash<qint64, std::optional<ImageGeometry>> grids_;
    int axis_ = 2;
    int crop_ = 96;
};

}  // namespace views
}  // namespace logonet
