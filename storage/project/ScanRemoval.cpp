#include "project/ScanRemoval.h"

#include <filesystem>

#include "project/CachedCaseName.h"

namespace logonet {

namespace {

int64_t countFor(Database& database, const char* table, int64_t scanId) {
    Statement query =
        database.prepare(std::string("SELECT COUNT(*) FROM ") + table + " WHERE scan_id = ?");
    query.bind(1, scanId);
    query.step();
    return query.columnInt(0);
}

}  // namespace

std::string ScanRemoval::describe() const {
    return "scan " + std::to_string(scan.id) + " (" + scan.name + "): the image " + scan.path +
           ", " + std::to_string(labelVersions) + " label version(s), " + std::to_string(reviews) +
           " review(s) and " + std::to_string(runMetrics) + " run metric row(s)";
}

ScanRemoval plannedRemoval(Project& project, int64_t scanId) {
    ScanRemoval removal;
    removal.scan = project.scan(scanId);
    removal.files.push_back(removal.scan.path);
    for (const LabelVersionRecord& version : project.labelVersions(scanId)) {
        removal.files.push_back(version.path);
        ++removal.labelVersions;
    }
    Database& database = project.database();
    removal.reviews = countFor(database, "reviews", scanId);
    removal.runMetrics = countFor(database, "run_metrics", scanId);
    return removal;
}

ScanRemoval removeScan(Project& project, int64_t scanId) {
    const ScanRemoval removal = plannedRemoval(project, scanId);
    Database& database = project.database();
    {
        Transaction transaction(database);
        // Explicit deletes rather than trusting that foreign keys are switched on in this
        // connection.
        for (const char* table :
             {"reviews", "run_metrics", "slice_assignments", "label_versions"}) {
            Statement remove =
                database.prepare(std::string("DELETE FROM ") + table + " WHERE scan_id = ?");
            remove.bind(1, scanId).run();
        }
        Statement remove = database.prepare("DELETE FROM scans WHERE id = ?");
        remove.bind(1, scanId).run();
        transaction.commit();
    }
    std::error_code ignored;
    for (const std::string& file : removal.files) {
        std::filesystem::remove(project.absolutePath(file), ignored);
    }
    // What is derived from the scan: its prepared case and the edit journals of its versions.
    const std::string cached = cachedCaseName(scanId);
    for (const char* extension : {".json", ".bin"}) {
        std::filesystem::remove(project.absolutePath("cache/" + cached + extension), ignored);
    }
    const std::filesystem::path journals = project.absolutePath("labels/journal");
    const std::string prefix = std::to_string(scanId) + "-";
    std::error_code listing;
    for (std::filesystem::directory_iterator it(journals, listing), end; !listing && it != end;
         it.increment(listing)) {
        const std::string name = it->path().filename().string();
        if (name.rfind(prefix, 0) == 0 && it->path().extension() == ".journal") {
            std::filesystem::remove(it->path(), ignored);
        }
    }
    return removal;
}

}  // namespace logonet
