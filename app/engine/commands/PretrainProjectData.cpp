#include "commands/PretrainProjectData.h"

#ifdef LOGONET_HAVE_STORAGE

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "cache/CaseCache.h"
#include "cache/GeometryJson.h"
#include "clusters/ClusterStore.h"
#include "commands/TrainingCommandSet.h"
#include "commands/TrainingProjectCases.h"
#include "data/CachedCaseSource.h"
#include "data/CropSampler.h"
#include "kmeans/MultiClusterer.h"
#include "kmeans/NpyMatrix.h"
#include "masking/CentredWindow.h"
#include "masking/ClusterSliceWindow.h"
#include "network/ComputeDevice.h"
#include "pretrain/PretrainConfig.h"
#include "pretrain/PretrainCropDraw.h"
#include "pretrain/PretrainingRun.h"
#include "project/PreparationDefaults.h"
#include "run/RunFolder.h"

namespace logonet::cli {

namespace fs = std::filesystem;

torch::Tensor cropSlices(const torch::Tensor& volume, SliceAxis axis) {
    const auto a = static_cast<int64_t>(axis);
    return volume.movedim(a, 0).reshape({volume.size(a), -1}).contiguous();
}

std::vector<ScanRecord> pretrainScans(Project& project, bool includeLabeled) {
    std::vector<ScanRecord> scans;
    for (const ScanRecord& scan : project.scans()) {
        // Held-out (test) scans stay out even when labeled scans are in: they score the
        // fine-tuning that this pre-training initialises.
        if (!scan.labeled || (includeLabeled && scan.split != "test")) {
            scans.push_back(scan);
        }
    }
    if (scans.empty()) {
        throw std::runtime_error(project.path() +
                                 ": no unlabeled scans (use --include-labeled to use the labeled "
                                 "ones too)");
    }
    return scans;
}

namespace {

// The fine-tuning preparation of the project (logonet project settings), which pre-training
// crops too: the same spacing and intensities as the fine-tuning it initialises.
PreprocessSettings pretrainPreprocessing(Project& project) {
    const PreparationDefaults defaults = preparationDefaults(project);
    PreprocessSettings settings;
    settings.spacing = defaults.spacing;
    settings.modality = defaults.modality;
    return settings;
}

// The prepared cases of `scans`, read from the cache one at a time as they are drawn from: a
// few hundred prepared scans are tens of gigabytes, and clustering visits each case in turn.
std::shared_ptr<const training::CachedCaseSource> preparedPretrainCases(
    Project& project, const std::vector<ScanRecord>& scans, const PreprocessSettings& settings) {
    prepareScanCases(project, scans, settings, 1, false);
    std::vector<std::string> ids;
    for (const ScanRecord& scan : scans) {
        ids.push_back(caseIdFor(scan.id));
    }
    return std::make_shared<training::CachedCaseSource>(
        project.absolutePath("cache"), std::move(ids), training::pretrainingCase, 0);
}

}  // namespace

PretrainCrop loadPreparedCrop(Project& project, const ScanRecord& scan, int64_t crop) {
    const PreprocessSettings settings = pretrainPreprocessing(project);
    prepareScanCases(project, {scan}, settings, 1, false);
    const CachedCase prepared = CaseCache(project.absolutePath("cache")).read(caseIdFor(scan.id));
    const ImageVolume window = centredWindow(prepared.image, {crop, crop, crop});
    // Voxel (i, j, k) lives at i + X (j + Y k): as a tensor that is (Z, Y, X); make it (X, Y, Z).
    PretrainCrop result;
    result.scanId = scan.id;
    result.volume =
        torch::from_blob(const_cast<float*>(window.data()), {crop, crop, crop}, torch::kFloat32)
            .permute({2, 1, 0})
            .clone(torch::MemoryFormat::Contiguous);
    result.geometry = window.geometry();
    return result;
}

int64_t clusteringRowBudget(const ClusterSettings& settings) {
    return training::memoryBudgetOr(settings.rowMemoryBytes);
}

int64_t clusteringCrops(int64_t scans, const ClusterSettings& settings) {
    const int64_t budget = clusteringRowBudget(settings);
    const int64_t cropBytes =
        settings.crop * settings.crop * settings.crop * static_cast<int64_t>(sizeof(float));
    const int64_t requested = settings.cropsPerScan * scans;
    return budget > 0 ? std::clamp<int64_t>(budget / cropBytes, 1, requested) : requested;
}

Json clusterProject(Project& project, const ClusterSettings& settings,
                    const std::function<void(const Json&)>& show) {
    const std::vector<ScanRecord> scans = pretrainScans(project, settings.includeLabeled);
    const PreprocessSettings preprocessing = pretrainPreprocessing(project);
    // The clusterers learn the slices pre-training will draw: random crops of the prepared cases
    // (spec section 6), a few per scan, with fine-tuning's augmentations.
    training::CropSamplerOptions crops;
    crops.crop = {settings.crop, settings.crop, settings.crop};
    crops.positiveFraction = 0.0;
    crops.batch = 1;
    crops.seed = settings.seed;
    const auto cases = preparedPretrainCases(project, scans, preprocessing);
    const training::CropSampler sampler(cases, crops);
    // Written into one tensor as they are drawn: collecting them and concatenating would hold
    // every row twice at the peak. Scan by scan, so that one prepared case is in memory at a
    // time; the crops of scan s are crops [s T / S, (s + 1) T / S) of the T drawn, each a pure
    // function of the seed and its number.
    const auto scanCount = static_cast<int64_t>(scans.size());
    const int64_t sampled = clusteringCrops(scanCount, settings);
    if (sampled < settings.cropsPerScan * scanCount && show) {
        const double gb = 1e-9 * static_cast<double>(settings.crop * settings.crop * settings.crop *
                                                     sizeof(float));
        char message[320];
        std::snprintf(message, sizeof message,
                      "%lld crops instead of %lld x %lld scans: their slices would take %.1f GB, "
                      "over the %.1f GB allowed (--row-memory-gb)",
                      static_cast<long long>(sampled),
                      static_cast<long long>(settings.cropsPerScan),
                      static_cast<long long>(scanCount),
                      gb * static_cast<double>(settings.cropsPerScan * scanCount),
                      1e-9 * static_cast<double>(clusteringRowBudget(settings)));
        show(Json(Json::Object{{"event", "note"}, {"message", std::string(message)}}));
    }
    torch::Tensor rows =
        torch::empty({sampled * settings.crop, settings.crop * settings.crop}, torch::kFloat32);
    Json grids = Json::object();  // each scan's window grid, for the workstation (below)
    for (int64_t s = 0; s < scanCount; ++s) {
        const auto index = static_cast<size_t>(s);
        for (int64_t n = s * sampled / scanCount; n < (s + 1) * sampled / scanCount; ++n) {
            rows.narrow(0, n * settings.crop, settings.crop)
                .copy_(training::cropSliceRows(training::drawPretrainCropFrom(sampler, index, n),
                                               settings.axis)[0]);
        }
        // The source keeps the case it read last, so this reads nothing again.
        grids[std::to_string(scans[index].id)] = geometryToJson(clusterSliceWindowGeometry(
            cases->at(index)->image.geometry(), settings.crop, settings.axis));
        if (stopRequested().load()) {
            throw training::ClusteringCancelled();
        }
    }
    const training::TensorRowSource source(std::move(rows));
    training::MultiClustererOptions options;
    options.clusterers = settings.clusterers;
    options.kMin = settings.kMin;
    options.kMax = settings.kMax;
    options.subset = settings.subset;
    options.iterations = settings.iterations;
    options.batchRows = settings.batchRows;
    options.seed = settings.seed;
    options.device = model::resolveComputeDevice(settings.device);
    const auto fitted =
        training::MultiClusterer(options).fit(source, [&](int64_t c, int64_t done, int64_t total) {
            if (show && (done == total || done % 10 == 0)) {
                show(Json(Json::Object{{"event", "cluster"},
                                       {"clusterer", Json(c + 1)},
                                       {"clusterers", Json(options.clusterers)},
                                       {"step", Json(done)},
                                       {"steps", Json(total)}}));
            }
            return !stopRequested().load();
        });

    Clustering clustering;
    Json ks = Json::array();
    for (size_t c = 0; c < fitted.size(); ++c) {
        Clustering::Member member;
        // Appended, not "k" + to_string(c): GCC 12 warns falsely on that (-Wstringop-overflow).
        member.name = "k";
        member.name += std::to_string(c);
        member.k = fitted[c].k;
        member.columns = source.columns();
        member.inertia = fitted[c].inertia;
        member.settings = Json(Json::Object{
            {"axis", sliceAxisName(settings.axis)},
            {"crop", Json(settings.crop)},
            {"iterations", Json(settings.iterations)},
            {"batch_rows", Json(fitted[c].batchRows)},
            {"subset", Json(settings.subset)},
            {"include_labeled", Json(settings.includeLabeled)},
            {"crops_per_scan", Json(settings.cropsPerScan)},
            {"crops", Json(sampled)},
            {"preprocessing", preprocessing.toJson()},
            {"slice_grids", grids},
            {"seed", Json(static_cast<int64_t>(fitted[c].seed % (uint64_t{1} << 52)))}});
        const auto centroids = fitted[c].centroids.contiguous();
        member.centroids.assign(centroids.data_ptr<float>(),
                                centroids.data_ptr<float>() + centroids.numel());
        clustering.members.push_back(std::move(member));
        ks.push_back(Json(fitted[c].k));
    }
    // The browser's per-slice labels: every slice of each scan's prepared case, cut in-plane to
    // the crop's centred window, labeled by its nearest centroid as pre-training labels the
    // slices of its crops (same spacing, intensities and slice size as the fitted samples). One
    // scan at a time: a few hundred scans' slices at once would be gigabytes.
    int64_t displayed = 0;
    for (size_t s = 0; s < scans.size(); ++s) {
        const ImageVolume window =
            clusterSliceWindow(cases->at(s)->image, settings.crop, settings.axis);
        const Size3& size = window.size();
        // Voxel (i, j, k) lives at i + X (j + Y k): as a tensor that is (Z, Y, X); make it
        // (X, Y, Z) as the crops' slices are cut.
        const torch::Tensor volume = torch::from_blob(const_cast<float*>(window.data()),
                                                      {size[2], size[1], size[0]}, torch::kFloat32)
                                         .permute({2, 1, 0});
        const training::TensorRowSource shown(cropSlices(volume, settings.axis));
        displayed += shown.rows();
        for (size_t c = 0; c < fitted.size(); ++c) {
            const auto assignment =
                training::MultiClusterer::assign(shown, fitted[c], options.device);
            const auto* cluster = assignment.cluster.data_ptr<int64_t>();
            const auto* distance = assignment.distance.data_ptr<float>();
            for (int64_t slice = 0; slice < shown.rows(); ++slice) {
                clustering.members[c].assignments.push_back(
                    {scans[s].id, static_cast<int64_t>(settings.axis), slice, cluster[slice],
                     distance[slice]});
            }
        }
        if (stopRequested().load()) {
            throw training::ClusteringCancelled();
        }
    }
    ClusterStore(project.database(), project.path()).replace(clustering, [](int64_t, int64_t) {
        if (stopRequested().load()) {
            throw training::ClusteringCancelled();
        }
    });
    return Json(Json::Object{{"event", "clustered"},
                             {"scans", Json(static_cast<int64_t>(scans.size()))},
                             {"slices", Json(source.rows())},
                             {"crops", Json(sampled)},
                             {"crops_requested", Json(settings.cropsPerScan * scanCount)},
                             {"displayed_slices", Json(displayed)},
                             {"k", ks}});
}

std::string pretrainRunDirectory(Project& project, const std::string& run) {
    return run.find('/') == std::string::npos ? project.absolutePath("runs/" + run) : run;
}

std::string setupPretrainRun(Project& project, const PretrainSettings& settings) {
    ClusterStore store(project.database(), project.path());
    auto clusterers = store.clusterers();
    if (clusterers.empty()) {
        throw std::runtime_error(project.path() +
                                 ": no clustering yet; run `logonet cluster --project DIR` first");
    }
    if (settings.clusterers > 0) {
        if (settings.clusterers > static_cast<int64_t>(clusterers.size())) {
            throw std::runtime_error("--clusterers " + std::to_string(settings.clusterers) +
                                     " but the project has " + std::to_string(clusterers.size()));
        }
        clusterers.resize(static_cast<size_t>(settings.clusterers));
    }
    const Json& first = clusterers.front().settings;
    training::PretrainConfig config;
    config.crop = first.value("crop", int64_t{96});
    config.axis = parseSliceAxis(first.value("axis", "axial"));
    const bool includeLabeled = first.value("include_labeled", false);
    const std::string directory = pretrainRunDirectory(project, settings.run);
    const std::string cache = project.absolutePath("cache");
    const PreprocessSettings preprocessing =
        first.contains("preprocessing") ? PreprocessSettings::fromJson(first.at("preprocessing"))
                                        : pretrainPreprocessing(project);
    // Every scan of the clustering, prepared as fine-tuning prepares it; the run draws its random
    // crops from these cases and labels them with the centroids it carries.
    const std::vector<ScanRecord> scans = pretrainScans(project, includeLabeled);
    prepareScanCases(project, scans, preprocessing, 1, false);
    for (const ScanRecord& scan : scans) {
        config.cases.push_back(caseIdFor(scan.id));
    }
    fs::create_directories(fs::path(directory) / "centroids");
    for (size_t n = 0; n < clusterers.size(); ++n) {
        const std::vector<float> values = store.readCentroids(clusterers[n]);
        const int64_t columns = config.crop * config.crop;
        if (static_cast<int64_t>(values.size()) != clusterers[n].k * columns) {
            throw std::runtime_error(project.path() + ": clusterer " + clusterers[n].name +
                                     " has " + std::to_string(values.size()) +
                                     " centroid values where " + std::to_string(clusterers[n].k) +
                                     " x " + std::to_string(columns) + " were expected");
        }
        const std::string name = "centroids/" + clusterers[n].name + ".npy";
        training::writeNpyMatrix((fs::path(directory) / name).string(),
                                 torch::from_blob(const_cast<float*>(values.data()),
                                                  {clusterers[n].k, columns}, torch::kFloat32));
        config.centroids.push_back(name);
    }

    config.architecture = settings.architecture;
    config.outChannels = settings.outChannels > 0
                             ? settings.outChannels
                             : static_cast<int64_t>(project.labelSet().size()) + 1;
    for (const auto& clusterer : clusterers) {
        config.clusterSizes.push_back(clusterer.k);
    }
    config.tau = settings.tau;
    config.phi1 = settings.phi1;
    config.maskLength = settings.maskLength;
    config.phi2 = settings.phi2;
    config.learningRate = settings.learningRate;
    config.mask = settings.mask;
    config.amp = settings.amp;
    config.iterations = settings.iterations;
    config.batch = settings.batch;
    config.seed = settings.seed;
    config.device = settings.device;
    config.threads = settings.threads;
    config.project = project.path();
    config.shuffleLabels = settings.shuffleLabels;
    fs::create_directories(fs::path(directory) / "checkpoints");
    // Relative, so that the run folder and the cache move together (`logonet remote run`).
    config.cacheDirectory = fs::relative(cache, directory).string();
    training::RunFolder(directory).writeConfig(config.toJson());
    return directory;
}

std::string pretrainRunFor(Project& project, const PretrainSettings& settings) {
    const std::string directory = pretrainRunDirectory(project, settings.run);
    const training::RunFolder folder(directory);
    if (settings.resume && folder.hasConfig() && folder.readConfig().contains("pretrain_cases")) {
        return directory;
    }
    return setupPretrainRun(project, settings);
}

std::string pretrainProject(Project& project, const PretrainSettings& settings,
                            const std::function<void(const Json&)>& show) {
    const std::string directory = pretrainRunFor(project, settings);
    training::PretrainingRun(training::PretrainConfig::read(directory), directory)
        .run(settings.resume, show, &stopRequested());
    return directory;
}

}  // namespace logonet::cli

#endif
