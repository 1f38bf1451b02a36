#include "commands/PretrainProjectData.h"

#ifdef LOGONET_HAVE_STORAGE

#include <filesystem>

#include "cache/CaseCache.h"
#include "cache/GeometryJson.h"
#include "clusters/ClusterStore.h"
#include "commands/TrainingCommandSet.h"
#include "commands/TrainingProjectCases.h"
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

std::vector<std::shared_ptr<const training::TrainingCase>> preparedPretrainCases(
    Project& project, const std::vector<ScanRecord>& scans, const PreprocessSettings& settings) {
    prepareScanCases(project, scans, settings, 1, false);
    const CaseCache cache(project.absolutePath("cache"));
    std::vector<std::shared_ptr<const training::TrainingCase>> cases;
    for (const ScanRecord& scan : scans) {
        cases.push_back(training::pretrainingCase(cache.read(caseIdFor(scan.id))));
    }
    return cases;
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
    // every row twice at the peak (17 GB instead of 8.5 for 300 scans x 8 crops at crop 96).
    const int64_t sampled = settings.cropsPerScan * static_cast<int64_t>(scans.size());
    torch::Tensor rows =
        torch::empty({sampled * settings.crop, settings.crop * settings.crop}, torch::kFloat32);
    for (int64_t n = 0; n < sampled; ++n) {
        rows.narrow(0, n * settings.crop, settings.crop)
            .copy_(
                training::cropSliceRows(training::drawPretrainCrops(sampler, n), settings.axis)[0]);
    }
    const training::TensorRowSource source(std::move(rows));
    // Each scan's window grid, stored with the clusterers for the workstation (below).
    Json grids = Json::object();
    for (size_t s = 0; s < scans.size(); ++s) {
        grids[std::to_string(scans[s].id)] = geometryToJson(
            clusterSliceWindowGeometry(cases[s]->image.geometry(), settings.crop, settings.axis));
    }
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
        member.name = "k" + std::to_string(c);
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
            clusterSliceWindow(cases[s]->image, settings.crop, settings.axis);
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
