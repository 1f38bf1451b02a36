#include <torch/torch.h>

#include <iostream>

#include "commands/PretrainCommandSet.h"
#include "commands/PretrainProjectData.h"
#include "commands/TrainingCommandSet.h"

namespace logonet::cli {

namespace {

#ifdef LOGONET_HAVE_STORAGE
int runCluster(const CommandLine& line) {
    line.rejectUnknown({"project", "clusterers", "k-min", "k-max", "subset", "iters", "batch",
                        "axis", "crop", "seed", "device", "include-labeled", "progress", "threads",
                        "crops-per-scan", "row-memory-gb"});
    ClusterSettings settings;
    settings.clusterers = line.integer("clusterers", 10);
    settings.kMin = line.integer("k-min", 80);
    settings.kMax = line.integer("k-max", 500);
    settings.subset = line.number("subset", 0.1);
    settings.iterations = line.integer("iters", 350);
    settings.batchRows = line.integer("batch", 1024);
    settings.axis = parseSliceAxis(line.option("axis", "axial"));
    settings.crop = line.integer("crop", 96);
    settings.seed = static_cast<uint64_t>(line.integer("seed", 0));
    settings.device = line.option("device", "cpu");
    settings.includeLabeled = line.flag("include-labeled");
    settings.cropsPerScan = line.integer("crops-per-scan", settings.cropsPerScan);
    settings.rowMemoryBytes = line.gigabytes("row-memory-gb", 0);
    if (settings.cropsPerScan < 1) {
        throw UsageError("--crops-per-scan must be positive");
    }
    if (settings.crop < 2 || settings.iterations < 1 || settings.batchRows < 1) {
        throw UsageError("--crop, --iters and --batch must be positive");
    }
    at::set_num_threads(static_cast<int>(line.integer("threads", 2)));
    catchStopSignals();
    TrainingProgress show(line.option("progress", "bar") == "json");
    Project project = Project::open(line.required("project"), Project::Access::Shared);
    const Json summary = clusterProject(project, settings, [&](const Json& e) { show(e); });
    show.finish();
    std::cout << summary.dump() << "\n";
    return 0;
}
#endif

}  // namespace

Command clusterCommand() {
    Command command;
    command.name = "cluster";
    command.summary = "fit the k-means pseudo-label clusterers on a project's slices";
    command.usage =
        "usage: logonet cluster --project DIR [--clusterers 10] [--k-min 80] [--k-max 500]\n"
        "                       [--subset 0.1] [--iters 350] [--batch 1024]\n"
        "                       [--axis axial|coronal|sagittal] [--crop 96] [--seed S]\n"
        "                       [--device cpu|cuda] [--include-labeled] [--crops-per-scan 8]\n"
        "                       [--row-memory-gb G] [--progress json]\n\n"
        "Each scan is prepared as fine-tuning prepares it (the project's spacing and intensity\n"
        "settings, into its cache); --crops-per-scan random crop^3 crops of each, with\n"
        "fine-tuning's augmentations, give the samples: their slices along --axis, the slices\n"
        "pre-training draws. Each clusterer draws its K from [k-min, k-max],\n"
        "is seeded with k-means++ and takes --iters mini-batch steps, each on a fresh random\n"
        "subset of --subset of all slices (at most --batch); K is never clipped: fewer slices\n"
        "than --k-max are refused, with both numbers. Every slice of each prepared scan along\n"
        "--axis, cut in-plane to its centred crop x crop window (what the cluster browser shows),\n"
        "is then labelled by its nearest centroids, as pre-training labels its crops' slices, and\n"
        "the clustering replaces the project's previous one in one\n"
        "transaction: an interrupted run (Ctrl-C) leaves the previous clustering intact.\n"
        "--include-labeled: the labeled training and validation scans are clustered (and\n"
        "pre-trained on) too, as the spec's \"all scans\"; test scans never are.\n"
        "The prepared scans are read one at a time; the fitted slices are held in memory, at\n"
        "most --row-memory-gb of them (default: a quarter of this machine's memory): when the\n"
        "crops asked for would not fit, fewer are drawn, spread evenly over the scans, and the\n"
        "run says so.";
    command.flags = {"include-labeled"};
#ifdef LOGONET_HAVE_STORAGE
    command.run = runCluster;
#else
    command.run = refuseWithoutProjectLayer;
#endif
    return command;
}

}  // namespace logonet::cli
