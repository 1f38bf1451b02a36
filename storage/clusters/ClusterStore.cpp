#include "clusters/ClusterStore.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <exception>
#include <filesystem>
#include <fstream>
#include <random>

#include "database/StorageError.h"
#include "database/UtcTime.h"
#include "fs/DurableFile.h"

namespace logonet {

int64_t clustererCrop(const ClustererRecord& clusterer) {
    return clusterer.settings.value("crop", int64_t{96});
}

SliceAxis clustererAxis(const ClustererRecord& clusterer) {
    try {
        return parseSliceAxis(clusterer.settings.value("axis", "axial"));
    } catch (const std::exception&) {
        return SliceAxis::Axial;
    }
}

namespace fs = std::filesystem;

namespace {

// A name no earlier clustering used, so new files never overwrite the ones still referenced.
std::string freshStem() {
    const auto ticks = std::chrono::system_clock::now().time_since_epoch().count();
    std::random_device device;
    return std::to_string(ticks) + "_" + std::to_string(device() % 100000);
}

// Durable before the row naming it commits (fs/DurableFile.h).
void writeFloats(const fs::path& path, const std::vector<float>& values) {
    try {
        writeFileDurably(path.string(),
                         std::string_view(reinterpret_cast<const char*>(values.data()),
                                          values.size() * sizeof(float)));
    } catch (const DurableWriteError& error) {
        throw StorageError(path.string() +
                           ": cannot write the centroids (disk full?): " + error.what());
    }
}

}  // namespace

ClusterStore::ClusterStore(Database& database, std::string projectDir)
    : database_(database), projectDir_(std::move(projectDir)) {}

void ClusterStore::replace(const Clustering& clustering,
                           const std::function<void(int64_t, int64_t)>& progress) {
    const fs::path folder = fs::path(projectDir_) / "clusters";
    fs::create_directories(folder);
    const std::vector<ClustererRecord> previous = clusterers();
    const std::string stem = freshStem();
    std::vector<fs::path> written;
    try {
        Transaction transaction(database_);
        database_.exec("DELETE FROM slice_assignments; DELETE FROM clusterers;");
        auto insertClusterer = database_.prepare(
            "INSERT INTO clusterers (name, k, settings, inertia, centroids_path, created) "
            "VALUES (?, ?, ?, ?, ?, ?)");
        auto insertAssignment = database_.prepare(
            "INSERT INTO slice_assignments (clusterer_id, scan_id, axis, slice_index, cluster, "
            "distance) VALUES (?, ?, ?, ?, ?, ?)");
        const std::string created = utcNow();
        int64_t done = 0;
        for (const auto& member : clustering.members) {
            if (static_cast<int64_t>(member.centroids.size()) != member.k * member.columns) {
                throw StorageError("clusterer " + member.name + ": " +
                                   std::to_string(member.centroids.size()) +
                                   " centroid values do not make K=" + std::to_string(member.k) +
                                   " rows of " + std::to_string(member.columns));
            }
            const std::string relative = "clusters/" + stem + "_" + member.name + ".f32";
            written.push_back(fs::path(projectDir_) / relative);
            writeFloats(written.back(), member.centroids);
            Json settings = member.settings;
            settings["rows"] = member.k;
            settings["columns"] = member.columns;
            insertClusterer.reset();
            insertClusterer.bind(1, member.name)
                .bind(2, member.k)
                .bind(3, settings.dump())
                .bind(4, member.inertia)
                .bind(5, relative)
                .bind(6, created);
            insertClusterer.run();
            const int64_t clustererId = database_.lastInsertId();
            for (const auto& slice : member.assignments) {
                insertAssignment.reset();
                insertAssignment.bind(1, clustererId)
                    .bind(2, slice.scanId)
                    .bind(3, slice.axis)
                    .bind(4, slice.sliceIndex)
                    .bind(5, slice.cluster)
                    .bind(6, slice.distance);
                insertAssignment.run();
            }
            ++done;
            if (progress) {
                progress(done, static_cast<int64_t>(clustering.members.size()));
            }
        }
        transaction.commit();
    } catch (...) {
        std::error_code ignored;
        for (const auto& path : written) {
            fs::remove(path, ignored);
        }
        throw;
    }
    // Only now are the old centroid files unreferenced.
    std::error_code ignored;
    for (const auto& record : previous) {
        if (!record.centroidsPath.empty()) {
            fs::remove(fs::path(projectDir_) / record.centroidsPath, ignored);
        }
    }
}

std::vector<ClustererRecord> ClusterStore::clusterers() const {
    auto query = database_.prepare(
        "SELECT id, name, k, settings, inertia, centroids_path, created FROM clusterers "
        "ORDER BY id");
    std::vector<ClustererRecord> records;
    while (query.step()) {
        ClustererRecord record;
        record.id = query.columnInt(0);
        record.name = query.columnText(1);
        record.k = query.columnInt(2);
        record.settings = Json::parse(query.columnText(3));
        record.inertia = query.isNull(4) ? 0.0 : query.columnDouble(4);
        record.centroidsPath = query.columnText(5);
        record.created = query.columnText(6);
        records.push_back(std::move(record));
    }
    return records;
}

std::vector<float> ClusterStore::readCentroids(const ClustererRecord& clusterer) const {
    const fs::path path = fs::path(projectDir_) / clusterer.centroidsPath;
    const int64_t columns = clusterer.settings.value("columns", int64_t{0});
    const auto count = static_cast<size_t>(clusterer.k * columns);
    std::vector<float> values(count);
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw StorageError(path.string() + ": the centroids of clusterer " + clusterer.name +
                           " are missing");
    }
    in.read(reinterpret_cast<char*>(values.data()),
            static_cast<std::streamsize>(count * sizeof(float)));
    if (static_cast<size_t>(in.gcount()) != count * sizeof(float)) {
        throw StorageError(path.string() + ": truncated centroids (expected " +
                           std::to_string(clusterer.k) + " x " + std::to_string(columns) +
                           " float32 values)");
    }
    return values;
}

std::vector<SliceAssignment> ClusterStore::assignments(int64_t clustererId, int64_t scanId,
                                                       int64_t axis) const {
    auto query = database_.prepare(
        "SELECT slice_index, cluster, distance FROM slice_assignments WHERE clusterer_id = ? AND "
        "scan_id = ? AND axis = ? ORDER BY slice_index");
    query.bind(1, clustererId).bind(2, scanId).bind(3, axis);
    std::vector<SliceAssignment> result;
    while (query.step()) {
        SliceAssignment slice;
        slice.scanId = scanId;
        slice.axis = axis;
        slice.sliceIndex = query.columnInt(0);
        slice.cluster = query.columnInt(1);
        slice.distance = query.isNull(2) ? 0.0 : query.columnDouble(2);
        result.push_back(slice);
    }
    return result;
}

int64_t ClusterStore::assignmentCount() const {
    return database_.queryInt("SELECT COUNT(*) FROM slice_assignments");
}

std::vector<std::pair<int64_t, int64_t>> ClusterStore::clusterSizes(int64_t clustererId) const {
    auto query = database_.prepare(
        "SELECT cluster, COUNT(*) FROM slice_assignments WHERE clusterer_id = ? GROUP BY cluster "
        "ORDER BY cluster");
    query.bind(1, clustererId);
    std::vector<std::pair<int64_t, int64_t>> sizes;
    while (query.step()) {
        sizes.emplace_back(query.columnInt(0), query.columnInt(1));
    }
    return sizes;
}

namespace {

SliceAssignment memberOf(Statement& query, int64_t cluster) {
    SliceAssignment slice;
    slice.scanId = query.columnInt(0);
    slice.axis = query.columnInt(1);
    slice.sliceIndex = query.columnInt(2);
    slice.distance = query.isNull(3) ? 0.0 : query.columnDouble(3);
    slice.cluster = cluster;
    return slice;
}

}  // namespace

std::vector<SliceAssignment> ClusterStore::clusterMembers(int64_t clustererId, int64_t cluster,
                                                          int64_t limit, int64_t offset) const {
    auto query = database_.prepare(
        "SELECT scan_id, axis, slice_index, distance FROM slice_assignments WHERE clusterer_id = "
        "? AND cluster = ? ORDER BY distance, scan_id, slice_index LIMIT ? OFFSET ?");
    query.bind(1, clustererId)
        .bind(2, cluster)
        .bind(3, limit)
        .bind(4, std::max<int64_t>(0, offset));
    std::vector<SliceAssignment> members;
    while (query.step()) {
        members.push_back(memberOf(query, cluster));
    }
    return members;
}

std::vector<SliceAssignment> ClusterStore::nearestMembers(int64_t clustererId,
                                                          int64_t perCluster) const {
    auto query = database_.prepare(
        "SELECT scan_id, axis, slice_index, distance, cluster FROM (SELECT *, ROW_NUMBER() OVER "
        "(PARTITION BY cluster ORDER BY distance, scan_id, slice_index) AS rank FROM "
        "slice_assignments WHERE clusterer_id = ?) WHERE rank <= ? ORDER BY cluster, rank");
    query.bind(1, clustererId).bind(2, perCluster);
    std::vector<SliceAssignment> members;
    while (query.step()) {
        members.push_back(memberOf(query, query.columnInt(4)));
    }
    return members;
}

}  // namespace logonet
