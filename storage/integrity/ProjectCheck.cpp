#include "integrity/ProjectCheck.h"

#include <cstdio>
#include <filesystem>
#include <map>
#include <set>

#include "fs/DurableFile.h"
#include "import/ContentHash.h"
#include "io/ImageReader.h"
#include "journal/EditJournal.h"
#include "project/Project.h"

namespace logonet {

namespace {

namespace fs = std::filesystem;

Json findingsJson(const std::vector<ProjectCheckFinding>& findings) {
    Json list = Json::array();
    for (const ProjectCheckFinding& finding : findings) {
        list.push_back(Json(Json::Object{{"file", finding.file}, {"problem", finding.what}}));
    }
    return list;
}

// The id in "scans/000012_name.nii.gz" or "labels/3_v12.nii.gz"; -1 for other names.
int64_t idInName(const std::string& name, bool labelFile) {
    long long scan = 0;
    long long version = 0;
    int used = 0;
    if (labelFile) {
        if (std::sscanf(name.c_str(), "%lld_v%lld.nii.gz%n", &scan, &version, &used) == 2 &&
            static_cast<size_t>(used) == name.size()) {
            return version;
        }
        return -1;
    }
    if (std::sscanf(name.c_str(), "%lld_%n", &scan, &used) == 1 && used > 1) {
        return scan;
    }
    return -1;
}

// Temporary names of this build (.tmp-) and of earlier ones (.new- for label saves, .import-
// for imports): what a kill in the middle of a write leaves.
bool isLeftoverName(const std::string& name) {
    return isTemporaryName(name) || name.rfind(".new-", 0) == 0 || name.rfind(".import-", 0) == 0;
}

class ProjectChecker {
  public:
    explicit ProjectChecker(Project& project) : project_(project) {}

    ProjectCheckReport run() {
        if (!databaseIsWhole()) {
            return report_;  // its rows cannot be trusted to name files
        }
        checkScans();
        checkLabelVersions();
        checkFolder("scans", false);
        checkFolder("labels", true);
        checkJournals();
        return report_;
    }

  private:
    void problem(const std::string& file, const std::string& what) {
        report_.problems.push_back({file, what});
    }

    // SQLite's own check of its pages and indexes (quick_check: without comparing index
    // contents with their tables, which would read the whole database several times).
    bool databaseIsWhole() {
        try {
            Statement check = project_.database().prepare("PRAGMA quick_check");
            while (check.step()) {
                const std::string result = check.columnText(0);
                if (result != "ok") {
                    problem("project.db", "damaged: " + result);
                }
            }
        } catch (const std::exception& error) {
            problem("project.db", std::string("damaged: ") + error.what());
        }
        return report_.problems.empty();
    }

    bool fileExists(const std::string& relative) {
        std::error_code ec;
        if (fs::is_regular_file(project_.absolutePath(relative), ec)) {
            return true;
        }
        problem(relative, "missing (the database names it)");
        return false;
    }

    void checkScans() {
        for (const ScanRecord& scan : project_.scans()) {
            ++report_.scansChecked;
            referenced_.insert(scan.path);
            sizes_[scan.id] = scan.size;
            scanPaths_[scan.id] = scan.path;
            if (!fileExists(scan.path)) {
                continue;
            }
            try {
                const std::string hash = contentHash(readImage(project_.absolutePath(scan.path)));
                if (hash != scan.contentHash) {
                    problem(scan.path, "content differs from what was imported (hash " + hash +
                                           ", stored " + scan.contentHash + ")");
                }
            } catch (const std::exception& error) {
                problem(scan.path, std::string("cannot be read: ") + error.what());
            }
        }
    }

    void checkLabelVersions() {
        Statement rows = project_.database().prepare(
            "SELECT id, path, content_hash FROM label_versions ORDER BY id");
        while (rows.step()) {
            ++report_.labelVersionsChecked;
            const int64_t id = rows.columnInt(0);
            const std::string path = rows.columnText(1);
            const std::string stored = rows.columnText(2);
            referenced_.insert(path);
            versionPaths_[id] = path;
            if (!fileExists(path)) {
                continue;
            }
            try {
                const LabelVolume labels = readLabelMap(project_.absolutePath(path));
                const std::string hash = contentHash(labels);
                report_.labelVersionsWithoutHash += stored.empty() ? 1 : 0;
                if (!stored.empty() && hash != stored) {
                    problem(path, "content of label version " + std::to_string(id) +
                                      " differs from what was saved (hash " + hash + ", stored " +
                                      stored + ")");
                }
            } catch (const std::exception& error) {
                problem(path, std::string("cannot be read: ") + error.what());
            }
        }
    }

    void checkFolder(const std::string& folder, bool labelFiles) {
        std::error_code ec;
        for (const auto& entry : fs::directory_iterator(project_.absolutePath(folder), ec)) {
            std::error_code typeError;
            if (entry.is_directory(typeError)) {
                continue;  // labels/journal, checked on its own
            }
            const std::string name = entry.path().filename().string();
            const std::string relative = folder + "/" + name;
            if (referenced_.count(relative) != 0) {
                continue;
            }
            if (isLeftoverName(name)) {
                report_.leftovers.push_back({relative, "temporary file of an interrupted write"});
                continue;
            }
            // Files are renamed into place before their row commits, so a kill in between
            // leaves a file named with an id that has no row, or (once a later save reused the
            // id of the rolled-back row) whose row names another file.
            const int64_t id = idInName(name, labelFiles);
            const std::map<int64_t, std::string>& rows = labelFiles ? versionPaths_ : scanPaths_;
            if (id > 0) {
                const auto row = rows.find(id);
                if (row == rows.end() || row->second != relative) {
                    report_.leftovers.push_back({relative, "file of a save that never committed"});
                    continue;
                }
            }
            problem(relative, "no row of the database names this file");
        }
    }

    void checkJournals() {
        std::error_code ec;
        const std::string folder = "labels/journal";
        for (const auto& entry : fs::directory_iterator(project_.absolutePath(folder), ec)) {
            const std::string name = entry.path().filename().string();
            const std::string relative = folder + "/" + name;
            if (isLeftoverName(name)) {
                report_.leftovers.push_back({relative, "temporary file of an interrupted write"});
                continue;
            }
            long long scan = 0;
            int used = 0;
            if (std::sscanf(name.c_str(), "%lld-%n", &scan, &used) != 1 || used == 0 ||
                entry.path().extension() != ".journal") {
                problem(relative, "not an edit journal of this project");
                continue;
            }
            const auto size = sizes_.find(scan);
            if (size == sizes_.end()) {
                report_.leftovers.push_back(
                    {relative, "journal of a scan no longer in the project"});
                continue;
            }
            ++report_.journalsChecked;
            try {
                const EditJournal::Contents contents =
                    EditJournal::read(entry.path().string(), size->second);
                if (contents.ignoredBytes > 0) {
                    // A record cut short by a kill: the stroke in progress, never a saved one.
                    report_.leftovers.push_back(
                        {relative, std::to_string(contents.ignoredBytes) +
                                       " bytes of an unfinished record after the " +
                                       std::to_string(contents.entries.size()) +
                                       " complete ones (ignored when replayed)"});
                }
            } catch (const std::exception& error) {
                problem(relative, std::string("cannot be read: ") + error.what());
            }
        }
    }

    Project& project_;
    ProjectCheckReport report_;
    std::set<std::string> referenced_;
    std::map<int64_t, Size3> sizes_;
    std::map<int64_t, std::string> scanPaths_;
    std::map<int64_t, std::string> versionPaths_;
};

}  // namespace

Json ProjectCheckReport::toJson() const {
    Json out = Json::object();
    out["sound"] = sound();
    out["scans_checked"] = Json(scansChecked);
    out["label_versions_checked"] = Json(labelVersionsChecked);
    out["journals_checked"] = Json(journalsChecked);
    out["label_versions_without_hash"] = Json(labelVersionsWithoutHash);
    out["problems"] = findingsJson(problems);
    out["leftovers"] = findingsJson(leftovers);
    return out;
}

ProjectCheckReport checkProject(Project& project) {
    return ProjectChecker(project).run();
}

}  // namespace logonet
