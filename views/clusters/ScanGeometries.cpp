#include "clusters/ScanGeometries.h"

#include <exception>

#include "io/ImageReader.h"

namespace logonet {
namespace views {

void ScanGeometries::clear() {
    entries_.clear();
}

void ScanGeometries::add(const ScanRecord& scan, const QString& file) {
    Entry entry;
    entry.file = file;
    entry.geometry.size = scan.size;
    entry.geometry.spacing = scan.spacing;
    entries_.insert(scan.id, entry);
}

std::optional<ImageGeometry> ScanGeometries::of(qint64 scanId) {
    const auto found = entries_.find(scanId);
    if (found == entries_.end()) {
        return std::nullopt;
    }
    if (!found->read) {
        found->read = true;
        try {
            found->geometry = readImageGeometry(found->file.toStdString());
        } catch (const std::exception&) {
            // Opening the scan reports the problem; mapping slices keeps the record's grid.
        }
    }
    return found->geometry;
}

}  // namespace views
}  // namespace logonet
