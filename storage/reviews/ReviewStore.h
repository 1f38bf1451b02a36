#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "database/Database.h"

namespace logonet {

// A reviewer's verdict on one label version of a scan (a run's prediction, usually).
enum class ReviewStatus { Accepted, NeedsCorrection, Rejected };

struct ReviewRecord {
    int64_t id = 0;
    int64_t scanId = 0;
    int64_t versionId = 0;
    ReviewStatus status = ReviewStatus::Accepted;
    std::string comment;
    std::string time;  // UTC, ISO 8601
};

// The reviews table of a project database. Every verdict is kept (a version reviewed twice has
// two rows); the newest one is the version's status.
class ReviewStore {
  public:
    explicit ReviewStore(Database& database) : database_(database) {}

    // Stores a verdict; throws StorageError when the version is not one of the scan's.
    ReviewRecord record(int64_t scanId, int64_t versionId, ReviewStatus status,
                        const std::string& comment);
    // The version's newest verdict, empty when it was never reviewed.
    std::optional<ReviewRecord> latest(int64_t versionId);
    // Every verdict on the version, oldest first.
    std::vector<ReviewRecord> history(int64_t versionId);

    // "accepted", "needs-correction", "rejected" (the database's words).
    static std::string statusName(ReviewStatus status);
    // Throws StorageError for any other word.
    static ReviewStatus parseStatus(const std::string& name);

  private:
    Database& database_;
};

}  // namespace logonet
