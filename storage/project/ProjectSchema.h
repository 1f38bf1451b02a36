#pragma once

#include "database/Database.h"

namespace logonet {

// The project database's tables, version by version. Every project is created at version 1 and
// migrated forward, so the migration path runs every time a project is made, not only on upgrade.
class ProjectSchema {
  public:
    static constexpr int kLatestVersion = 5;

    // The first release's tables (meta, labels, scans, label_versions, runs, run_metrics, reviews).
    static void createVersion1(Database& database);
    // The version stored in meta; 0 when the database has no meta table (not a project).
    static int version(Database& database);
    // Migrates from version() to `target` (tests stop at an older one), one step at a time, in
    // one transaction.
    static void migrate(Database& database, int target = kLatestVersion);
};

}  // namespace logonet
