#include "project/Project.h"
#include "database/UtcTime.h"

#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <filesystem>

#include "database/StorageError.h"
#include "fs/DurableFile.h"
#include "io/ImageReader.h"
#include "json/Json.h"
#include "project/ProjectSchema.h"
#include "versions/LabelVersionStore.h"

namespace logonet {

namespace {

namespace fs = std::filesystem;

const char* const kDatabaseName = "project.db";
const char* const kScanColumns =
    "SELECT id, name, path, content_hash, modality, source_path, pixel_type, size_x, size_y, "
    "size_z, spacing_x, spacing_y, spacing_z, labeled, split, tags, imported_at, fold FROM scans ";

ScanRecord scanFrom(const Statement& row) {
    ScanRecord scan;
    scan.id = row.columnInt(0);
    scan.name = row.columnText(1);
    scan.path = row.columnText(2);
    scan.contentHash = row.columnText(3);
    scan.modality = row.columnText(4);
    scan.sourcePath = row.columnText(5);
    scan.pixelType = row.columnText(6);
    for (int a = 0; a < 3; ++a) {
        scan.size[a] = row.columnInt(7 + a);
        scan.spacing[a] = row.columnDouble(10 + a);
    }
    scan.labeled = row.columnInt(13) != 0;
    scan.split = row.columnText(14);
    try {
        const Json tags = Json::parse(row.columnText(15));  // kept alive for the loop
        for (const Json& tag : tags.asArray()) {
            scan.tags.push_back(tag.asString());
        }
    } catch (const JsonError&) {
        // A hand-edited tags column loses its tags, not the scan.
    }
    scan.importedAt = row.columnText(16);
    scan.fold = row.isNull(17) ? -1 : static_cast<int>(row.columnInt(17));
    return scan;
}

// Root passes access(W_OK) everywhere, so write permission bits and read-only mounts are checked
// too: a folder nobody may write to is one the user meant to protect.
bool writable(const std::string& path) {
    struct stat info {};
    struct statvfs volume {};
    if (::access(path.c_str(), W_OK) != 0 || ::stat(path.c_str(), &info) != 0) {
        return false;
    }
    if (::statvfs(path.c_str(), &volume) == 0 && (volume.f_flag & ST_RDONLY)) {
        return false;
    }
    return (info.st_mode & 0222) != 0;
}

void requireWritable(const std::string& dir) {
    if (!writable(dir)) {
        throw StorageError("project folder " + dir +
                           " is read-only: the workstation needs to write its database there");
    }
    const std::string database = (fs::path(dir) / kDatabaseName).string();
    if (fs::exists(database) && !writable(database)) {
        throw StorageError(database + " is read-only: the workstation needs to write to it");
    }
}

}  // namespace

void checkSplit(const std::string& split) {
    if (split != "train" && split != "val" && split != "test") {
        throw StorageError("unknown split '" + split + "' (train, val or test)");
    }
}

void checkModality(const std::string& modality) {
    if (modality != "CT" && modality != "MR") {
        throw StorageError("unknown modality '" + modality + "' (CT or MR)");
    }
}

Project::Project(std::string dir, std::unique_ptr<Database> database,
                 std::unique_ptr<ProjectLock> lock)
    : dir_(std::move(dir)), database_(std::move(database)), lock_(std::move(lock)) {}

Project::Project(Project&&) noexcept = default;
Project& Project::operator=(Project&&) noexcept = default;
Project::~Project() = default;

bool Project::exists(const std::string& dir) {
    std::error_code ec;
    return fs::is_regular_file(fs::path(dir) / kDatabaseName, ec);
}

Project Project::create(const std::string& dir, const LabelSet& labels) {
    std::error_code ec;
    if (fs::exists(dir, ec)) {
        if (!fs::is_directory(dir, ec)) {
            throw StorageError("cannot create project " + dir + ": a file of that name exists");
        }
        if (!fs::is_empty(dir, ec)) {
            throw StorageError("cannot create project " + dir + ": the folder is not empty");
        }
    } else if (const fs::path parent = fs::absolute(dir).parent_path();
               fs::is_directory(parent, ec) && !writable(parent.string())) {
        throw StorageError("cannot create project " + dir + ": folder " + parent.string() +
                           " is read-only");
    } else if (!fs::create_directories(dir, ec)) {
        throw StorageError("cannot create project folder " + dir + ": " + ec.message());
    }
    requireWritable(dir);
    auto lock = std::make_unique<ProjectLock>(dir);
    for (const char* sub : {"scans", "labels", "cache", "runs"}) {
        fs::create_directories(fs::path(dir) / sub, ec);
        if (ec) {
            throw StorageError("cannot create " + (fs::path(dir) / sub).string() + ": " +
                               ec.message());
        }
    }
    auto database = std::make_unique<Database>(
        Database::open((fs::path(dir) / kDatabaseName).string(), Database::Mode::ReadWriteCreate));
    ProjectSchema::createVersion1(*database);
    ProjectSchema::migrate(*database);
    Project project(dir, std::move(database), std::move(lock));
    Statement created =
        project.database().prepare("INSERT INTO meta (key, value) VALUES ('created', ?)");
    created.bind(1, utcNow()).run();
    project.setLabelSet(labels);
    // The database's commits are durable; the entries of project.db and the folders, and the
    // project folder's own entry in its parent, are made durable here.
    try {
        fs::path folder = fs::absolute(dir);
        if (!folder.has_filename()) {
            folder = folder.parent_path();  // "proj/"
        }
        syncFolder(folder.string());
        syncFolder(folder.parent_path().string());
    } catch (const DurableWriteError& error) {
        throw StorageError("cannot create project " + dir + ": " + error.what());
    }
    return project;
}

Project Project::open(const std::string& dir, Access access) {
    if (!exists(dir)) {
        throw StorageError(dir + " is not a project (no " + kDatabaseName + " in it)");
    }
    requireWritable(dir);
    std::unique_ptr<ProjectLock> lock;
    if (access == Access::Exclusive) {
        lock = std::make_unique<ProjectLock>(dir);
    }
    const std::string path = (fs::path(dir) / kDatabaseName).string();
    auto database = std::make_unique<Database>(Database::open(path, Database::Mode::ReadWrite));
    const int version = ProjectSchema::version(*database);
    if (version <= 0) {
        throw StorageError(path + " is not a project database (no schema version)");
    }
    if (version > kSchemaVersion) {
        throw StorageError("project " + dir +
                           " was saved by a newer version of the workstation "
                           "(database schema " +
                           std::to_string(version) + "; this build reads up to " +
                           std::to_string(kSchemaVersion) + "): update the workstation to open it");
    }
    if (version < kSchemaVersion) {
        ProjectSchema::migrate(*database);
    }
    Project project(dir, std::move(database), std::move(lock));
    project.loadLabelSet();
    return project;
}

std::string Project::absolutePath(const std::string& relative) const {
    return (fs::path(dir_) / relative).string();
}

int Project::schemaVersion() const {
    return ProjectSchema::version(*database_);
}

void Project::loadLabelSet() {
    Statement query =
        database_->prepare("SELECT value, name, red, green, blue FROM labels ORDER BY value");
    std::vector<LabelEntry> entries;
    while (query.step()) {
        LabelEntry entry;
        entry.value = static_cast<LabelValue>(query.columnInt(0));
        entry.name = query.columnText(1);
        entry.colour = {static_cast<unsigned char>(query.columnInt(2)),
                        static_cast<unsigned char>(query.columnInt(3)),
                        static_cast<unsigned char>(query.columnInt(4))};
        entries.push_back(entry);
    }
    labelSet_ = LabelSet(entries);
}

void Project::setLabelSet(const LabelSet& labels) {
    Transaction transaction(*database_);
    database_->exec("DELETE FROM labels");
    Statement insert = database_->prepare(
        "INSERT INTO labels (value, name, red, green, blue) VALUES (?, ?, ?, ?, ?)");
    for (const LabelEntry& entry : labels.entries()) {
        insert.reset();
        insert.bind(1, static_cast<int64_t>(entry.value)).bind(2, entry.name);
        insert.bind(3, static_cast<int64_t>(entry.colour[0]));
        insert.bind(4, static_cast<int64_t>(entry.colour[1]));
        insert.bind(5, static_cast<int64_t>(entry.colour[2]));
        insert.run();
    }
    transaction.commit();
    labelSet_ = labels;
}

std::vector<ScanRecord> Project::scans() const {
    Statement query = database_->prepare(std::string(kScanColumns) + "ORDER BY id");
    std::vector<ScanRecord> scans;
    while (query.step()) {
        scans.push_back(scanFrom(query));
    }
    return scans;
}

ScanRecord Project::scan(int64_t id) const {
    Statement query = database_->prepare(std::string(kScanColumns) + "WHERE id = ?");
    query.bind(1, id);
    if (!query.step()) {
        throw StorageError("no scan with id " + std::to_string(id) + " in project " + dir_);
    }
    return scanFrom(query);
}

std::optional<ScanRecord> Project::findScanByHash(const std::string& contentHash) const {
    Statement query = database_->prepare(std::string(kScanColumns) + "WHERE content_hash = ?");
    query.bind(1, contentHash);
    if (!query.step()) {
        return std::nullopt;
    }
    return scanFrom(query);
}

int64_t Project::scanCount() const {
    return database_->queryInt("SELECT COUNT(*) FROM scans");
}

ImageVolume Project::loadImage(int64_t scanId) const {
    const ScanRecord record = scan(scanId);
    return readImage(absolutePath(record.path));
}

void Project::setSplit(int64_t scanId, const std::string& split) {
    checkSplit(split);
    scan(scanId);
    Statement update = database_->prepare("UPDATE scans SET split = ? WHERE id = ?");
    update.bind(1, split).bind(2, scanId).run();
}

void Project::setModality(int64_t scanId, const std::string& modality) {
    checkModality(modality);
    scan(scanId);
    Statement update = database_->prepare("UPDATE scans SET modality = ? WHERE id = ?");
    update.bind(1, modality).bind(2, scanId).run();
}

void Project::setFold(int64_t scanId, int fold) {
    scan(scanId);
    Statement update = database_->prepare("UPDATE scans SET fold = ? WHERE id = ?");
    const std::optional<int64_t> value = fold < 0 ? std::nullopt : std::optional<int64_t>(fold);
    update.bind(1, value).bind(2, scanId).run();
}

void Project::setTags(int64_t scanId, const std::vector<std::string>& tags) {
    scan(scanId);
    Json list = Json::array();
    for (const std::string& tag : tags) {
        list.push_back(tag);
    }
    Statement update = database_->prepare("UPDATE scans SET tags = ? WHERE id = ?");
    update.bind(1, list.dump()).bind(2, scanId).run();
}

std::vector<LabelVersionRecord> Project::labelVersions(int64_t scanId) const {
    return LabelVersionStore(*database_, dir_).forScan(scanId);
}

LabelVersionRecord Project::labelVersion(int64_t versionId) const {
    return LabelVersionStore(*database_, dir_).get(versionId);
}

std::optional<LabelVersionRecord> Project::currentLabels(int64_t scanId) const {
    return LabelVersionStore(*database_, dir_).current(scanId);
}

LabelVolume Project::loadLabels(int64_t versionId) const {
    return readLabelMap(absolutePath(labelVersion(versionId).path));
}

LabelVersionRecord Project::addLabelVersion(int64_t scanId, const std::string& kind,
                                            const LabelVolume& labels, const std::string& runName,
                                            std::optional<int64_t> parentVersionId) {
    const ScanRecord record = scan(scanId);
    const ImageGeometry geometry = readImageGeometry(absolutePath(record.path));
    return LabelVersionStore(*database_, dir_)
        .add(scanId, record.name, geometry, labelSet_, kind, labels, runName, parentVersionId);
}

}  // namespace logonet
