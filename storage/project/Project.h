#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "database/Database.h"
#include "labels/LabelSet.h"
#include "project/ProjectLock.h"
#include "project/ScanRecord.h"
#include "versions/LabelVersionRecord.h"
#include "volume/Volume.h"

namespace logonet {

// A project: a folder with project.db (SQLite), scans/, labels/, cache/ and runs/.
// Errors a user can cause (not a project, newer schema, read-only folder, already open elsewhere,
// unknown scan id, label map that does not fit its scan) throw StorageError with a clear message.
class Project {
  public:
    // The schema this build writes. Older databases are migrated on open; newer ones are refused.
    static constexpr int kSchemaVersion = 5;

    enum class Access {
        // Holds the project lock: a second Exclusive open (another workstation, `logonet import`)
        // is refused with the pid and host of the holder.
        Exclusive,
        // No lock, for engine commands the workstation starts on its own open project and for
        // read-only listings; SQLite still serialises the writes.
        Shared,
    };

    // Creates the folder (which must be empty or absent) and an empty project with `labels`.
    static Project create(const std::string& dir, const LabelSet& labels);
    static Project open(const std::string& dir, Access access = Access::Exclusive);
    // True when `dir` holds a project.db.
    static bool exists(const std::string& dir);

    Project(Project&&) noexcept;
    Project& operator=(Project&&) noexcept;
    ~Project();

    const std::string& path() const { return dir_; }
    std::string absolutePath(const std::string& relative) const;
    Database& database() { return *database_; }
    int schemaVersion() const;

    const LabelSet& labelSet() const { return labelSet_; }
    void setLabelSet(const LabelSet& labels);

    // Scans, ordered by id.
    std::vector<ScanRecord> scans() const;
    ScanRecord scan(int64_t id) const;  // StorageError "no scan with id N in project X"
    std::optional<ScanRecord> findScanByHash(const std::string& contentHash) const;
    int64_t scanCount() const;
    ImageVolume loadImage(int64_t scanId) const;
    void setSplit(int64_t scanId, const std::string& split);        // "train", "val" or "test"
    void setModality(int64_t scanId, const std::string& modality);  // "CT" or "MR"
    void setFold(int64_t scanId, int fold);                         // -1 clears it
    void setTags(int64_t scanId, const std::vector<std::string>& tags);

    // Label versions of a scan, oldest first.
    std::vector<LabelVersionRecord> labelVersions(int64_t scanId) const;
    LabelVersionRecord labelVersion(int64_t versionId) const;
    // The newest correction, else the newest ground truth; empty when the scan is unlabeled.
    std::optional<LabelVersionRecord> currentLabels(int64_t scanId) const;
    LabelVolume loadLabels(int64_t versionId) const;
    // Stores a new version after checking its geometry against the scan and its values against the
    // label set; the file and the row appear together or not at all. Returns the new version.
    LabelVersionRecord addLabelVersion(int64_t scanId, const std::string& kind,
                                       const LabelVolume& labels, const std::string& runName = "",
                                       std::optional<int64_t> parentVersionId = std::nullopt);

  private:
    Project(std::string dir, std::unique_ptr<Database> database, std::unique_ptr<ProjectLock> lock);
    void loadLabelSet();

    std::string dir_;
    std::unique_ptr<Database> database_;
    std::unique_ptr<ProjectLock> lock_;
    LabelSet labelSet_;
};

// Valid values of ScanRecord::split; throws StorageError for anything else.
void checkSplit(const std::string& split);
// The modalities a user may set: "CT" or "MR"; throws StorageError for anything else.
void checkModality(const std::string& modality);

}  // namespace logonet
