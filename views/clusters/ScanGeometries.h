#pragma once

#include <QHash>
#include <QString>
#include <optional>

#include "geometry/ImageGeometry.h"
#include "project/ScanRecord.h"

namespace logonet {
namespace views {

// Where each project scan's voxels lie in the world, read from its file's header the first time
// it is asked for (the project database keeps sizes and spacings but not directions, and crop
// slices map to scan slices through the directions).
class ScanGeometries {
  public:
    void clear();
    void add(const ScanRecord& scan, const QString& file);
    // The header's geometry; for a file that cannot be read, the record's size and spacing with
    // identity directions (slices then map as if the scan were stored LPS); nullopt for an
    // unknown scan.
    std::optional<ImageGeometry> of(qint64 scanId);

  private:
    struct Entry {
        QString file;
        ImageGeometry geometry;
        bool read = false;
    };
    QHash<qint64, Entry> entries_;
};

}  // namespace views
}  // namespace logonet
