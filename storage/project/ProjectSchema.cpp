#include "project/ProjectSchema.h"

#include <string>

namespace logonet {

namespace {

const char* const kVersion1 = R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE labels (
    value INTEGER PRIMARY KEY CHECK (value BETWEEN 1 AND 65535),
    name TEXT NOT NULL,
    red INTEGER NOT NULL, green INTEGER NOT NULL, blue INTEGER NOT NULL);
CREATE TABLE scans (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    path TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,
    modality TEXT NOT NULL DEFAULT '',
    source_path TEXT NOT NULL DEFAULT '',
    size_x INTEGER NOT NULL, size_y INTEGER NOT NULL, size_z INTEGER NOT NULL,
    spacing_x REAL NOT NULL, spacing_y REAL NOT NULL, spacing_z REAL NOT NULL,
    labeled INTEGER NOT NULL DEFAULT 0,
    split TEXT NOT NULL DEFAULT 'train' CHECK (split IN ('train', 'val', 'test')),
    imported_at TEXT NOT NULL);
CREATE TABLE label_versions (
    id INTEGER PRIMARY KEY,
    scan_id INTEGER NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('ground-truth', 'prediction', 'correction')),
    run_name TEXT NOT NULL DEFAULT '',
    parent_id INTEGER REFERENCES label_versions(id) ON DELETE SET NULL,
    path TEXT NOT NULL,
    created TEXT NOT NULL);
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    config TEXT NOT NULL DEFAULT '{}',
    created TEXT NOT NULL);
CREATE TABLE run_metrics (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    scan_id INTEGER NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
    label_value INTEGER NOT NULL,
    dice REAL,
    hd95 REAL,
    PRIMARY KEY (run_id, scan_id, label_value));
CREATE TABLE reviews (
    id INTEGER PRIMARY KEY,
    scan_id INTEGER NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
    version_id INTEGER REFERENCES label_versions(id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    comment TEXT NOT NULL DEFAULT '',
    time TEXT NOT NULL);
INSERT INTO meta (key, value) VALUES ('schema_version', '1');
)sql";

// Version 2: tags and the stored pixel type on scans, the k-means pseudo-label tables, and an
// index for the per-scan version lookups the slice views do on every scan change.
const char* const kVersion2 = R"sql(
ALTER TABLE scans ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
ALTER TABLE scans ADD COLUMN pixel_type TEXT NOT NULL DEFAULT '';
CREATE TABLE clusterers (
    id INTEGER PRIMARY KEY,
    run_id INTEGER REFERENCES runs(id) ON DELETE SET NULL,
    name TEXT NOT NULL,
    k INTEGER NOT NULL,
    settings TEXT NOT NULL DEFAULT '{}',
    inertia REAL,
    centroids_path TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL DEFAULT '');
CREATE TABLE slice_assignments (
    clusterer_id INTEGER NOT NULL REFERENCES clusterers(id) ON DELETE CASCADE,
    scan_id INTEGER NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
    axis INTEGER NOT NULL CHECK (axis BETWEEN 0 AND 2),
    slice_index INTEGER NOT NULL,
    cluster INTEGER NOT NULL,
    distance REAL,
    PRIMARY KEY (clusterer_id, scan_id, axis, slice_index));
CREATE INDEX label_versions_by_scan ON label_versions(scan_id);
CREATE INDEX slice_assignments_by_cluster ON slice_assignments(clusterer_id, cluster);
UPDATE meta SET value = '2' WHERE key = 'schema_version';
)sql";

// Version 3: review verdicts per label version. The first release's reviews table had no
// writer and took any status; it is rebuilt with the three verdicts the workstation knows and a
// required version. Old rows are kept: an unknown status becomes "needs-correction" with the old
// word in the comment, and a row without a version is dropped only when its scan has none.
const char* const kVersion3 = R"sql(
CREATE TABLE reviews_v3 (
    id INTEGER PRIMARY KEY,
    scan_id INTEGER NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
    version_id INTEGER NOT NULL REFERENCES label_versions(id) ON DELETE CASCADE,
    status TEXT NOT NULL CHECK (status IN ('accepted', 'needs-correction', 'rejected')),
    comment TEXT NOT NULL DEFAULT '',
    time TEXT NOT NULL);
INSERT INTO reviews_v3 (id, scan_id, version_id, status, comment, time)
    SELECT r.id, r.scan_id,
           COALESCE(r.version_id,
                    (SELECT MAX(v.id) FROM label_versions v WHERE v.scan_id = r.scan_id)),
           CASE WHEN r.status IN ('accepted', 'needs-correction', 'rejected') THEN r.status
                ELSE 'needs-correction' END,
           CASE WHEN r.status IN ('accepted', 'needs-correction', 'rejected') THEN r.comment
                ELSE '[' || r.status || '] ' || r.comment END,
           r.time
    FROM reviews r
    WHERE COALESCE(r.version_id,
                   (SELECT MAX(v.id) FROM label_versions v WHERE v.scan_id = r.scan_id))
          IS NOT NULL;
DROP TABLE reviews;
ALTER TABLE reviews_v3 RENAME TO reviews;
CREATE INDEX reviews_by_version ON reviews(version_id, id);
UPDATE meta SET value = '3' WHERE key = 'schema_version';
)sql";

// Version 4: the k-fold cross-validation fold of each scan (NULL when the project has no folds).
// Modality was already a column; imports now fill it (DICOM tag, else a guess from intensities).
const char* const kVersion4 = R"sql(
ALTER TABLE scans ADD COLUMN fold INTEGER CHECK (fold IS NULL OR fold >= 0);
UPDATE meta SET value = '4' WHERE key = 'schema_version';
)sql";

// Version 5: the fingerprint of each label version's voxels (import/ContentHash), which
// `logonet check` compares the file against. Versions saved before have '' (not known).
const char* const kVersion5 = R"sql(
ALTER TABLE label_versions ADD COLUMN content_hash TEXT NOT NULL DEFAULT '';
UPDATE meta SET value = '5' WHERE key = 'schema_version';
)sql";

}  // namespace

void ProjectSchema::createVersion1(Database& database) {
    Transaction transaction(database);
    database.exec(kVersion1);
    transaction.commit();
}

int ProjectSchema::version(Database& database) {
    if (database.queryInt(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'") == 0) {
        return 0;
    }
    return static_cast<int>(
        database.queryInt("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'schema_version'"));
}

void ProjectSchema::migrate(Database& database, int target) {
    Transaction transaction(database);
    const int from = version(database);
    if (from < 2 && target >= 2) {
        database.exec(kVersion2);
    }
    if (from < 3 && target >= 3) {
        database.exec(kVersion3);
    }
    if (from < 4 && target >= 4) {
        database.exec(kVersion4);
    }
    if (from < 5 && target >= 5) {
        database.exec(kVersion5);
    }
    transaction.commit();
}

}  // namespace logonet
