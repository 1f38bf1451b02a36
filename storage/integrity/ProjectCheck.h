#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "json/Json.h"

namespace logonet {

class Project;

// What `logonet check --project` finds. Problems are losses or damage (a row whose file is
// missing or differs from its hash, a file no row names, a journal that cannot be read);
// leftovers are what an interrupted write leaves behind and can be deleted without losing
// anything (temporary files, a file whose save never committed).
struct ProjectCheckFinding {
    std::string file;  // relative to the project folder
    std::string what;
};

struct ProjectCheckReport {
    std::vector<ProjectCheckFinding> problems;
    std::vector<ProjectCheckFinding> leftovers;
    int64_t scansChecked = 0;
    int64_t labelVersionsChecked = 0;
    int64_t journalsChecked = 0;
    // Saved before label versions had a stored hash (schema 5): checked to load, not compared.
    int64_t labelVersionsWithoutHash = 0;

    bool sound() const { return problems.empty(); }
    Json toJson() const;
};

// Checks the database's pages (SQLite's quick_check), reads every scan and label version file
// the database names and compares it with its stored content hash, lists files in scans/ and
// labels/ that no row names, and reads every edit journal. Never changes the project.
ProjectCheckReport checkProject(Project& project);

}  // namespace logonet
