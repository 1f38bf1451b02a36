#include "import/LabelAttachment.h"

#include <cstdio>

#include "database/StorageError.h"
#include "import/ScanImporter.h"
#include "io/ImageReader.h"
#include "versions/LabelVersionStore.h"

namespace logonet {

std::string describeGrid(const ImageGeometry& g) {
    char buffer[400];
    std::snprintf(buffer, sizeof buffer,
                  "size %lldx%lldx%lld, spacing %.6gx%.6gx%.6g mm, origin (%.6g, %.6g, %.6g) mm, "
                  "direction (%.4g %.4g %.4g; %.4g %.4g %.4g; %.4g %.4g %.4g)",
                  static_cast<long long>(g.size[0]), static_cast<long long>(g.size[1]),
                  static_cast<long long>(g.size[2]), g.spacing[0], g.spacing[1], g.spacing[2],
                  g.origin[0], g.origin[1], g.origin[2], g.direction[0], g.direction[1],
                  g.direction[2], g.direction[3], g.direction[4], g.direction[5], g.direction[6],
                  g.direction[7], g.direction[8]);
    return buffer;
}

LabelVersionRecord attachLabelFile(Project& project, int64_t scanId, const std::string& file) {
    const ScanRecord scan = project.scan(scanId);
    LabelVolume labels;
    try {
        labels = readLabelMap(file);
    } catch (const ImageReadError& error) {
        throw ImportError(error.what());
    }
    const ImageGeometry scanGrid = readImageGeometry(project.absolutePath(scan.path));
    if (!labels.geometry().sameGrid(scanGrid)) {
        throw ImportError(file + ": its grid does not match scan " + std::to_string(scanId) + " (" +
                          scan.name + "): the label file has " + describeGrid(labels.geometry()) +
                          "; the scan has " + describeGrid(scanGrid));
    }
    try {
        return project.addLabelVersion(scanId, "ground-truth", labels);
    } catch (const StorageError& error) {
        throw ImportError(file + ": " + error.what());
    }
}

}  // namespace logonet
