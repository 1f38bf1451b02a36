#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "database/Database.h"
#include "labels/LabelSet.h"
#include "versions/LabelVersionRecord.h"
#include "volume/Volume.h"

namespace logonet {

// The label_versions table and the label files under labels/. Project delegates to it.
class LabelVersionStore {
  public:
    LabelVersionStore(Database& database, std::string projectDir);

    std::vector<LabelVersionRecord> forScan(int64_t scanId) const;
    LabelVersionRecord get(int64_t versionId) const;  // StorageError when there is none
    std::optional<LabelVersionRecord> current(int64_t scanId) const;

    // Checks the label map against the scan's geometry and the label set, writes it to
    // labels/<scan>_v<version>.nii.gz and inserts its row, all or nothing. `scanName` and
    // `scanGeometry` are the scan's, for the messages and the check.
    LabelVersionRecord add(int64_t scanId, const std::string& scanName,
                           const ImageGeometry& scanGeometry, const LabelSet& labelSet,
                           const std::string& kind, const LabelVolume& labels,
                           const std::string& runName, std::optional<int64_t> parentVersionId);

    // Values present in `labels` that the set does not name (0 is always allowed), ascending.
    static std::vector<LabelValue> unknownValues(const LabelVolume& labels, const LabelSet& set);
    // "label.nii.gz: 32x32x20 voxels, 1x1x2 mm does not match the image (32x32x24 voxels, ...)"
    // when the grids differ; empty when they match.
    static std::string geometryMismatch(const std::string& labelName, const ImageGeometry& label,
                                        const ImageGeometry& image);

  private:
    Database& database_;
    std::string dir_;
};

}  // namespace logonet
