#include "versions/LabelVersionStore.h"
#include "database/UtcTime.h"

#include <filesystem>

#include "database/StorageError.h"
#include "fs/DurableFile.h"
#include "fs/NoFollowPath.h"
#include "import/ContentHash.h"
#include "io/ImageReader.h"
#include "io/ImageWriter.h"

namespace logonet {

namespace {

namespace fs = std::filesystem;

const char* const kColumns =
    "SELECT id, scan_id, kind, run_name, parent_id, path, created FROM label_versions ";

LabelVersionRecord recordFrom(const Statement& row) {
    LabelVersionRecord record;
    record.id = row.columnInt(0);
    record.scanId = row.columnInt(1);
    record.kind = row.columnText(2);
    record.runName = row.columnText(3);
    record.parentVersionId = row.columnOptionalInt(4);
    record.path = row.columnText(5);
    record.created = row.columnText(6);
    return record;
}

}  // namespace

LabelVersionStore::LabelVersionStore(Database& database, std::string projectDir)
    : database_(database), dir_(std::move(projectDir)) {}

std::vector<LabelVersionRecord> LabelVersionStore::forScan(int64_t scanId) const {
    Statement query = database_.prepare(std::string(kColumns) + "WHERE scan_id = ? ORDER BY id");
    query.bind(1, scanId);
    std::vector<LabelVersionRecord> records;
    while (query.step()) {
        records.push_back(recordFrom(query));
    }
    return records;
}

LabelVersionRecord LabelVersionStore::get(int64_t versionId) const {
    Statement query = database_.prepare(std::string(kColumns) + "WHERE id = ?");
    query.bind(1, versionId);
    if (!query.step()) {
        throw StorageError("no label version with id " + std::to_string(versionId) +
                           " in project " + dir_);
    }
    return recordFrom(query);
}

std::optional<LabelVersionRecord> LabelVersionStore::current(int64_t scanId) const {
    Statement query =
        database_.prepare(std::string(kColumns) +
                          "WHERE scan_id = ? AND kind IN ('ground-truth', 'correction') "
                          "ORDER BY (kind = 'correction') DESC, id DESC LIMIT 1");
    query.bind(1, scanId);
    if (!query.step()) {
        return std::nullopt;
    }
    return recordFrom(query);
}

std::vector<LabelValue> LabelVersionStore::unknownValues(const LabelVolume& labels,
                                                         const LabelSet& set) {
    std::vector<bool> seen(65536, false);
    for (const LabelValue value : labels.voxels()) {
        seen[value] = true;
    }
    std::vector<LabelValue> unknown;
    for (size_t value = 1; value < seen.size(); ++value) {
        if (seen[value] && !set.contains(static_cast<LabelValue>(value))) {
            unknown.push_back(static_cast<LabelValue>(value));
        }
    }
    return unknown;
}

std::string LabelVersionStore::geometryMismatch(const std::string& labelName,
                                                const ImageGeometry& label,
                                                const ImageGeometry& image) {
    if (label.sameGrid(image)) {
        return {};
    }
    std::string what = label.describe() + " does not match the image's " + image.describe();
    if (label.size == image.size && label.spacing == image.spacing) {
        what = "its origin or direction does not match the image's (" + image.describe() + ")";
    }
    return labelName + ": " + what;
}

LabelVersionRecord LabelVersionStore::add(int64_t scanId, const std::string& scanName,
                                          const ImageGeometry& scanGeometry,
                                          const LabelSet& labelSet, const std::string& kind,
                                          const LabelVolume& labels, const std::string& runName,
                                          std::optional<int64_t> parentVersionId) {
    if (kind != "ground-truth" && kind != "prediction" && kind != "correction") {
        throw StorageError("unknown label version kind '" + kind +
                           "' (ground-truth, prediction or correction)");
    }
    const std::string subject = "label map for scan " + scanName;
    const std::string mismatch = geometryMismatch(subject, labels.geometry(), scanGeometry);
    if (!mismatch.empty()) {
        throw StorageError(mismatch);
    }
    const std::vector<LabelValue> unknown = unknownValues(labels, labelSet);
    if (!unknown.empty()) {
        std::string list;
        for (const LabelValue value : unknown) {
            list += (list.empty() ? "" : ", ") + std::to_string(value);
        }
        throw StorageError(subject + ": label values " + list + " are not in the label set");
    }
    const fs::path labelsDir = fs::path(dir_) / "labels";
    try {
        refuseLinksBelow(dir_, (labelsDir / "new").string());
    } catch (const SymbolicLinkError& error) {
        throw StorageError(error.what());
    }
    std::error_code ec;
    fs::create_directories(labelsDir, ec);
    // A unique name: the workstation and the engine may save into one project in the same second.
    const std::string temporary =
        uniqueTemporaryPath((labelsDir / (std::to_string(scanId) + ".nii.gz")).string());
    try {
        writeLabelMap(labels, temporary);
    } catch (const ImageWriteError& error) {
        throw StorageError(error.what());
    }
    // The order that makes "saved" mean saved: the file is on disk under its final name (file and
    // folder flushed) before the row commits, and the commit is durable (synchronous = FULL)
    // before the caller empties the edit journal. A crash before the commit leaves a file
    // without a row, which `logonet check` reports as a removable leftover, never a row without
    // its file.
    std::string finalPath;
    int64_t id = 0;
    try {
        Transaction transaction(database_);
        Statement insert = database_.prepare(
            "INSERT INTO label_versions (scan_id, kind, run_name, parent_id, path, created, "
            "content_hash) VALUES (?, ?, ?, ?, '', ?, ?)");
        insert.bind(1, scanId).bind(2, kind).bind(3, runName).bind(4, parentVersionId);
        insert.bind(5, utcNow()).bind(6, contentHash(labels));
        insert.run();
        id = database_.lastInsertId();
        const std::string relative =
            "labels/" + std::to_string(scanId) + "_v" + std::to_string(id) + ".nii.gz";
        Statement setPath = database_.prepare("UPDATE label_versions SET path = ? WHERE id = ?");
        setPath.bind(1, relative).bind(2, id).run();
        if (kind != "prediction") {
            Statement label = database_.prepare("UPDATE scans SET labeled = 1 WHERE id = ?");
            label.bind(1, scanId).run();
        }
        finalPath = (fs::path(dir_) / relative).string();
        publishDurably(temporary, finalPath);
        transaction.commit();
    } catch (...) {
        fs::remove(temporary, ec);
        if (!finalPath.empty()) {
            fs::remove(finalPath, ec);
        }
        throw;
    }
    return get(id);
}

}  // namespace logonet
