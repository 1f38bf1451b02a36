#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "json/Json.h"
#include "masking/SliceAxis.h"

namespace logonet::training {

// Everything a pre-training run needs, stored as its config.json, so that
// `logonet pretrain --run DIR` runs (or resumes) it anywhere the files it names exist: the
// crops in the cache folder and the pseudo-labels in the run folder. No project is read then.
struct PretrainConfig {
    std::string architecture = "logonet";
    int64_t outChannels = 2;  // the fine-tuning network's classes, so that every branch fits
    int64_t crop = 96;
    SliceAxis axis = SliceAxis::Axial;
    std::vector<int64_t> clusterSizes;  // K_i of each clusterer, in the pseudo-labels' order
    double tau = 0.1;
    double phi1 = 0.1;           // masked-run ends per slice (spec section 6)
    int64_t maskLength = 5;      // M: slices per masked run
    double phi2 = 0.7;           // probability that a patch of a masked slice is zeroed
    double learningRate = 1e-4;  // AdamW's peak rate (spec: 1e-4)
    bool mask = true;
    bool amp = false;
    int64_t iterations = 100;
    int64_t batch = 1;
    uint64_t seed = 0;
    std::string device = "cpu";
    int64_t threads = 0;  // 0: leave LibTorch's default

    std::string project;         // where it was set up (for people; never read back)
    std::string cacheDirectory;  // relative to the run folder, or absolute
    // The crops, as <case>.pt files in the cache folder; row c of the pseudo-labels is case c.
    std::vector<std::string> cases;
    std::string pseudoLabels = "pseudo_labels.pt";  // relative to the run folder
    // Set up from prepared cases (the spec's random crops): `cases` are case ids of the cache
    // (<id>.json + <id>.bin), each clusterer's centroids a (K_i, crop * crop) .npy file relative
    // to the run folder, and the slices' labels are computed as each crop is drawn. Empty: the
    // older fixed crops (<case>.pt) with stored pseudo-labels.
    std::vector<std::string> centroids;
    // The shuffled-label control: each drawn crop's labels permuted over its slices.
    bool shuffleLabels = false;

    bool drawsRandomCrops() const { return !centroids.empty(); }

    Json toJson() const;
    // Throws JsonError naming the missing or malformed member.
    static PretrainConfig fromJson(const Json& json);
    // RUNDIR/config.json; throws std::runtime_error naming the file and the problem (no config,
    // a fine-tuning run's config, a missing member).
    static PretrainConfig read(const std::string& runDirectory);
};

}  // namespace logonet::training
