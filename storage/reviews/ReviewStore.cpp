#include "reviews/ReviewStore.h"

#include <ctime>
#include "database/UtcTime.h"

namespace logonet {

namespace {

std::vector<ReviewRecord> readRows(Statement& query) {
    std::vector<ReviewRecord> rows;
    while (query.step()) {
        ReviewRecord row;
        row.id = query.columnInt(0);
        row.scanId = query.columnInt(1);
        row.versionId = query.columnInt(2);
        row.status = ReviewStore::parseStatus(query.columnText(3));
        row.comment = query.columnText(4);
        row.time = query.columnText(5);
        rows.push_back(row);
    }
    return rows;
}

}  // namespace

std::string ReviewStore::statusName(ReviewStatus status) {
    switch (status) {
        case ReviewStatus::Accepted:
            return "accepted";
        case ReviewStatus::NeedsCorrection:
            return "needs-correction";
        case ReviewStatus::Rejected:
            return "rejected";
    }
    return {};
}

ReviewStatus ReviewStore::parseStatus(const std::string& name) {
    for (const ReviewStatus status :
         {ReviewStatus::Accepted, ReviewStatus::NeedsCorrection, ReviewStatus::Rejected}) {
        if (statusName(status) == name) {
            return status;
        }
    }
    throw StorageError("unknown review status '" + name +
                       "' (expected accepted, needs-correction or rejected)");
}

ReviewRecord ReviewStore::record(int64_t scanId, int64_t versionId, ReviewStatus status,
                                 const std::string& comment) {
    Statement owner = database_.prepare("SELECT scan_id FROM label_versions WHERE id = ?1");
    owner.bind(1, versionId);
    if (!owner.step() || owner.columnInt(0) != scanId) {
        throw StorageError(database_.path() + ": label version " + std::to_string(versionId) +
                           " is not a version of scan " + std::to_string(scanId));
    }
    ReviewRecord row;
    row.scanId = scanId;
    row.versionId = versionId;
    row.status = status;
    row.comment = comment;
    row.time = utcNow();
    database_
        .prepare(
            "INSERT INTO reviews (scan_id, version_id, status, comment, time) "
            "VALUES (?1, ?2, ?3, ?4, ?5)")
        .bind(1, scanId)
        .bind(2, versionId)
        .bind(3, statusName(status))
        .bind(4, comment)
        .bind(5, row.time)
        .run();
    row.id = database_.lastInsertId();
    return row;
}

std::optional<ReviewRecord> ReviewStore::latest(int64_t versionId) {
    Statement query = database_.prepare(
        "SELECT id, scan_id, version_id, status, comment, time FROM reviews "
        "WHERE version_id = ?1 ORDER BY id DESC LIMIT 1");
    query.bind(1, versionId);
    std::vector<ReviewRecord> rows = readRows(query);
    if (rows.empty()) {
        return std::nullopt;
    }
    return rows.front();
}

std::vector<ReviewRecord> ReviewStore::history(int64_t versionId) {
    Statement query = database_.prepare(
        "SELECT id, scan_id, version_id, status, comment, time FROM reviews "
        "WHERE version_id = ?1 ORDER BY id");
    query.bind(1, versionId);
    return readRows(query);
}

}  // namespace logonet
