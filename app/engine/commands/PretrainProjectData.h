#pragma once

#ifdef LOGONET_HAVE_STORAGE

#include <torch/torch.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "json/Json.h"
#include "masking/SliceAxis.h"
#include "project/Project.h"

namespace logonet::cli {

// A crop of a scan as pre-training draws them: the scan prepared as fine-tuning prepares it (the
// project's spacing and intensities, into its cache), cut to its centred crop^3 window
// (core's centredWindow), as an (X, Y, Z) float32 tensor, plus the geometry of that window.
struct PretrainCrop {
    int64_t scanId = 0;
    torch::Tensor volume;
    ImageGeometry geometry;
};
PretrainCrop loadPreparedCrop(Project& project, const ScanRecord& scan, int64_t crop);

// A volume's slices along `axis` as rows: (slices, H * W), H and W in (X, Y, Z) order.
torch::Tensor cropSlices(const torch::Tensor& volume, SliceAxis axis);

// Scans to pre-train on: the unlabeled ones, plus the labeled training and validation ones
// when asked (never the test split).
std::vector<ScanRecord> pretrainScans(Project& project, bool includeLabeled);

struct ClusterSettings {
    int64_t clusterers = 10;
    int64_t kMin = 80;
    int64_t kMax = 500;
    double subset = 0.1;
    int64_t iterations = 350;
    int64_t batchRows = 1024;
    SliceAxis axis = SliceAxis::Axial;
    int64_t crop = 96;
    uint64_t seed = 0;
    std::string device = "cpu";
    bool includeLabeled = false;
    int64_t cropsPerScan = 8;  // random crops per scan whose slices the clusterers are fitted on
    // Most bytes the fitted slices may take (0: a quarter of the machine's memory); fewer crops
    // are drawn, spread evenly over the scans, when all of them would not fit.
    int64_t rowMemoryBytes = 0;
};
// The bytes the fitted slices may take: rowMemoryBytes, else a quarter of the machine's memory.
int64_t clusteringRowBudget(const ClusterSettings& settings);
// How many of the requested crops a clustering draws: all of them while their slices fit in
// `rowMemoryBytes`, else as many as fit (at least one).
int64_t clusteringCrops(int64_t scans, const ClusterSettings& settings);
// Fits, assigns and stores a clustering (spec section 6) in the project; `show` gets progress
// events. Returns a summary event. Ctrl-C leaves the previous clustering intact.
Json clusterProject(Project& project, const ClusterSettings& settings,
                    const std::function<void(const Json&)>& show);

struct PretrainSettings {
    std::string run;  // run name (folder under runs/) or a path
    std::string architecture = "logonet";
    int64_t outChannels = 0;  // 0: the project's classes + background, so fine-tuning loads all
    int64_t clusterers = 0;   // 0: every stored clusterer
    double tau = 0.1;
    double phi1 = 0.1;
    int64_t maskLength = 5;
    double phi2 = 0.7;
    double learningRate = 1e-4;
    bool mask = true;
    int64_t iterations = 100;
    int64_t batch = 1;
    std::string device = "cpu";
    bool resume = false;
    uint64_t seed = 0;
    bool amp = false;
    int64_t threads = 0;         // 0: leave LibTorch's default
    bool shuffleLabels = false;  // the shuffled-label control (PretrainConfig::shuffleLabels)
};
// runs/NAME for a name, the path itself for a path.
std::string pretrainRunDirectory(Project& project, const std::string& run);
// Writes a self-contained pre-training run folder from the project's stored clustering: each
// clustered scan's crop into the cache (PretrainFiles.h), the pseudo-labels and config.json
// into the run folder, which `logonet pretrain --run DIR` then trains with no project, here or on
// a remote host. Returns the run folder.
std::string setupPretrainRun(Project& project, const PretrainSettings& settings);
// The run folder to train: set up again, except when resuming one that is set up already (it
// keeps the files it started with; a later clustering is another run; a folder from before runs
// were self-contained names none and is set up again).
std::string pretrainRunFor(Project& project, const PretrainSettings& settings);
// pretrainRunFor(), then pre-trains that folder; returns it.
std::string pretrainProject(Project& project, const PretrainSettings& settings,
                            const std::function<void(const Json&)>& show);

}  // namespace logonet::cli

#endif
