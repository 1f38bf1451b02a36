#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "database/Database.h"
#include "json/Json.h"
#include "masking/SliceAxis.h"

namespace logonet {

// One fitted clusterer as the project keeps it; the centroids live in a file of the project
// folder (`clusters/<name>.f32`: rows x columns little-endian float32, sizes in `settings`).
struct ClustererRecord {
    int64_t id = 0;
    std::string name;
    int64_t k = 0;
    Json settings = Json::object();  // axis, crop, iterations, seed, rows, columns, ...
    double inertia = 0.0;
    std::string centroidsPath;  // relative to the project folder
    std::string created;        // ISO 8601 UTC
};

// The crop and slicing axis a clusterer was fitted with (its settings' "crop" and "axis"); a
// clustering stored without them, or with an axis this build does not know, reads as 96, axial.
int64_t clustererCrop(const ClustererRecord& clusterer);
SliceAxis clustererAxis(const ClustererRecord& clusterer);

// The cluster of one slice of one scan for one clusterer.
struct SliceAssignment {
    int64_t scanId = 0;
    int64_t axis = 2;  // 0 sagittal, 1 coronal, 2 axial
    int64_t sliceIndex = 0;
    int64_t cluster = 0;
    double distance = 0.0;
};

// A complete clustering to store: clusterers with their centroids and every slice's labels.
struct Clustering {
    struct Member {
        std::string name;
        int64_t k = 0;
        Json settings = Json::object();
        double inertia = 0.0;
        std::vector<float> centroids;  // k x columns, row-major
        int64_t columns = 0;
        std::vector<SliceAssignment> assignments;
    };
    std::vector<Member> members;
};

// The project's k-means pseudo-labels (tables `clusterers` and `slice_assignments`).
class ClusterStore {
  public:
    ClusterStore(Database& database, std::string projectDir);

    // Replaces the stored clustering with `clustering` in one transaction: an exception
    // anywhere (a full disk, a cancelled run, `progress` throwing) leaves the previous one intact.
    // `progress(done, total)` is called after each clusterer's rows are written.
    void replace(const Clustering& clustering,
                 const std::function<void(int64_t done, int64_t total)>& progress = {});

    std::vector<ClustererRecord> clusterers() const;
    // Throws StorageError naming the file when the centroids are missing or truncated.
    std::vector<float> readCentroids(const ClustererRecord& clusterer) const;
    // Slice labels of one scan along one axis, ordered by slice index.
    std::vector<SliceAssignment> assignments(int64_t clustererId, int64_t scanId,
                                             int64_t axis) const;
    int64_t assignmentCount() const;
    // Slices per cluster of one clusterer, by cluster id; clusters without a slice are absent.
    std::vector<std::pair<int64_t, int64_t>> clusterSizes(int64_t clustererId) const;
    // Slices of one cluster, nearest to its centroid first; `limit` < 0 means all of them.
    std::vector<SliceAssignment> clusterMembers(int64_t clustererId, int64_t cluster,
                                                int64_t limit = -1, int64_t offset = 0) const;
    // Up to `perCluster` slices of every cluster of one clusterer, nearest to the centroid first,
    // ordered by cluster (the browser's thumbnails).
    std::vector<SliceAssignment> nearestMembers(int64_t clustererId, int64_t perCluster) const;

  private:
    Database& database_;
    std::string projectDir_;
};

}  // namespace logonet
