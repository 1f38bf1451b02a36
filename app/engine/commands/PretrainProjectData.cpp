#include "commands/PretrainProjectData.h"

#ifdef LOGONET_HAVE_STORAGE

#include <algorithm>
#include <filesystem>
#include <random>

#include "clusters/ClusterStore.h"
#include "commands/TrainingCommandSet.h"
#include "kmeans/MultiClusterer.h"
#include "masking/PretrainCrop.h"
#include "pretrain/Pretrainer.h"
#include "registry/ModelRegistry.h"
#include "run/Checkpoint.h"
#include "run/RunFolder.h"

namespace logonet::cli {

namespace fs = std::filesystem;

PretrainCrop loadPretrainCrop(Project& project, const ScanRecord& scan, int64_t crop) {
    // The same crop the workstation's cluster and masking panels cut their slices from.
    const ImageVolume cropped = pretrainCrop(project.loadImage(scan.id), scan.modality, crop);
    // Voxel (i, j, k) lives at i + X (j + Y k): as a tensor that is (Z, Y, X); make it (X, Y, Z).
    PretrainCrop result;
    result.scanId = scan.id;
    result.volume =
        torch::from_blob(const_cast<float*>(cropped.data()), {crop, crop, crop}, torch::kFloat32)
            .permute({2, 1, 0})
            .clone(torch::MemoryFormat::Contiguous);
    result.geometry = cropped.geometry();
    return result;
}

torch::Tensor cropSlices(const torch::Tensor& volume, SliceAxis axis) {
    const int64_t crop = volume.size(0);
    return volume.movedim(static_cast<int64_t>(axis), 0).reshape({crop, -1}).contiguous();
}

std::vector<ScanRecord> pretrainScans(Project& project, bool includeLabeled) {
    std::vector<ScanRecord> scans;
    for (const ScanRecord& scan : project.scans()) {
        if (includeLabeled || !scan.labeled) {
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

Json clusterProject(Project& project, const ClusterSettings& settings,
                    const std::function<void(const Json&)>& show) {
    std::vector<torch::Tensor> parts;
    std::vector<int64_t> scanOfRow;
    for (const ScanRecord& scan : pretrainScans(project, settings.includeLabeled)) {
        parts.push_back(
            cropSlices(loadPretrainCrop(project, scan, settings.crop).volume, settings.axis));
        scanOfRow.push_back(scan.id);
    }
    const training::TensorRowSource source(torch::cat(parts, 0));
    training::MultiClustererOptions options;
    options.clusterers = settings.clusterers;
    options.kMin = settings.kMin;
    options.kMax = settings.kMax;
    options.subset = settings.subset;
    options.iterations = settings.iterations;
    options.batchRows = settings.batchRows;
    options.seed = settings.seed;
    options.device = torch::Device(settings.device);
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
        const auto assignment = training::MultiClusterer::assign(source, fitted[c], options.device);
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
            {"seed", Json(static_cast<int64_t>(fitted[c].seed % (uint64_t{1} << 52)))}});
        const auto centroids = fitted[c].centroids.contiguous();
        member.centroids.assign(centroids.data_ptr<float>(),
                                centroids.data_ptr<float>() + centroids.numel());
        const auto* cluster = assignment.cluster.data_ptr<int64_t>();
        const auto* distance = assignment.distance.data_ptr<float>();
        for (int64_t row = 0; row < source.rows(); ++row) {
            member.assignments.push_back({scanOfRow[static_cast<size_t>(row / settings.crop)],
                                          static_cast<int64_t>(settings.axis), row % settings.crop,
                                          cluster[row], distance[row]});
        }
        clustering.members.push_back(std::move(member));
        ks.push_back(Json(fitted[c].k));
    }
    ClusterStore(project.database(), project.path()).replace(clustering, [](int64_t, int64_t) {
        if (stopRequested().load()) {
            throw training::ClusteringCancelled();
        }
    });
    return Json(Json::Object{{"event", "clustered"},
                             {"scans", Json(static_cast<int64_t>(scanOfRow.size()))},
                             {"slices", Json(source.rows())},
                             {"k", ks}});
}

std::string pretrainProject(Project& project, const PretrainSettings& settings,
                            const std::function<void(const Json&)>& show) {
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
    const int64_t crop = first.value("crop", int64_t{96});
    const auto axis = parseSliceAxis(first.value("axis", "axial"));
    const bool includeLabeled = first.value("include_labeled", false);

    // Every clustered scan with its (S, N) labels.
    std::vector<torch::Tensor> crops;
    std::vector<torch::Tensor> labels;
    for (const ScanRecord& scan : pretrainScans(project, includeLabeled)) {
        std::vector<torch::Tensor> perClusterer;
        for (const auto& clusterer : clusterers) {
            const auto slices =
                store.assignments(clusterer.id, scan.id, static_cast<int64_t>(axis));
            if (static_cast<int64_t>(slices.size()) != crop) {
                perClusterer.clear();
                break;  // a scan imported after the clustering: not part of it
            }
            std::vector<int64_t> values;
            for (const auto& slice : slices) {
                values.push_back(slice.cluster);
            }
            perClusterer.push_back(torch::tensor(values, torch::kInt64));
        }
        if (perClusterer.empty()) {
            continue;
        }
        crops.push_back(loadPretrainCrop(project, scan, crop).volume.unsqueeze(0));
        labels.push_back(torch::stack(perClusterer, 1));
    }
    if (crops.empty()) {
        throw std::runtime_error(project.path() + ": the clustering labels none of the scans");
    }

    const torch::Device device(settings.device);
    model::NetworkOptions networkOptions;
    networkOptions.outChannels = settings.outChannels > 0
                                     ? settings.outChannels
                                     : static_cast<int64_t>(project.labelSet().size()) + 1;
    networkOptions.roi = {crop, crop, crop};
    auto network = model::createNetwork(settings.architecture, networkOptions);
    network->to(device);
    training::PretrainerOptions options;
    for (const auto& clusterer : clusterers) {
        options.clusterSizes.push_back(clusterer.k);
    }
    options.tau = settings.tau;
    options.mask = settings.mask;
    options.amp = settings.amp;
    options.masking.axis = axis;
    options.totalSteps = settings.iterations;
    options.warmupSteps = std::max<int64_t>(1, settings.iterations / 10);
    options.seed = settings.seed;
    torch::manual_seed(settings.seed);
    training::Pretrainer pretrainer(network, options);

    const std::string directory = settings.run.find('/') == std::string::npos
                                      ? project.absolutePath("runs/" + settings.run)
                                      : settings.run;
    fs::create_directories(fs::path(directory) / "checkpoints");
    training::RunFolder folder(directory);
    const std::string statePath = folder.file("checkpoints/pretrain_state.pt");
    int64_t start = 0;
    if (settings.resume && fs::exists(statePath) && fs::exists(folder.lastCheckpointPath())) {
        pretrainer.loadState(statePath);
        start = training::readCheckpointInfo(folder.lastCheckpointPath()).step;
        folder.truncateEventsAfter(start);
    } else {
        Json config = Json::object();
        config["kind"] = "pretraining";
        config["project"] = project.path();
        config["arch"] = settings.architecture;
        config["out_channels"] = networkOptions.outChannels;
        config["crop"] = crop;
        config["axis"] = sliceAxisName(axis);
        Json sizes = Json::array();
        for (const int64_t k : options.clusterSizes) {
            sizes.push_back(Json(k));
        }
        config["cluster_sizes"] = sizes;
        config["tau"] = settings.tau;
        config["mask"] = settings.mask;
        config["amp"] = settings.amp;
        config["iterations"] = settings.iterations;
        config["batch"] = settings.batch;
        config["seed"] = static_cast<int64_t>(settings.seed);
        config["optimizer"] = "AdamW lr 1e-4 wd 1e-5, warm-up + cosine";
        folder.writeConfig(config);
    }

    std::mt19937_64 random(settings.seed + static_cast<uint64_t>(start));
    std::uniform_int_distribution<size_t> pick(0, crops.size() - 1);
    auto save = [&](int64_t step) {
        pretrainer.saveNetwork(folder.lastCheckpointPath(), step);
        pretrainer.saveState(statePath);
    };
    for (int64_t step = start; step < settings.iterations; ++step) {
        std::vector<torch::Tensor> batchCrops;
        std::vector<torch::Tensor> batchLabels;
        for (int64_t b = 0; b < settings.batch; ++b) {
            const size_t index = pick(random);
            batchCrops.push_back(crops[index]);
            batchLabels.push_back(labels[index]);
        }
        const double loss = pretrainer.step(torch::stack(batchCrops).to(device),
                                            torch::stack(batchLabels).to(device), step);
        const Json event(Json::Object{{"event", "step"},
                                      {"step", Json(step + 1)},
                                      {"steps", Json(settings.iterations)},
                                      {"loss", loss}});
        folder.appendEvent(event);
        if (show) {
            show(event);
        }
        if (stopRequested().load()) {
            save(step + 1);
            folder.appendEvent(Json(Json::Object{{"event", "stopped"}, {"step", Json(step + 1)}}));
            return directory;
        }
        if ((step + 1) % 50 == 0) {
            save(step + 1);
        }
    }
    save(settings.iterations);
    // `train --init RUNDIR` reads best.pt (else last.pt): both hold the branches only.
    pretrainer.saveNetwork(folder.bestCheckpointPath(), settings.iterations);
    folder.appendEvent(
        Json(Json::Object{{"event", "finished"}, {"step", Json(settings.iterations)}}));
    return directory;
}

}  // namespace logonet::cli

#endif
