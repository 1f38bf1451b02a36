#include <iostream>

#include "commands/PretrainCommandSet.h"
#include "commands/TrainingCommandSet.h"
#include "pretrain/PretrainConfig.h"
#include "pretrain/PretrainingRun.h"
#include "run/RunFolder.h"

#ifdef LOGONET_HAVE_STORAGE
#include "commands/PretrainProjectData.h"
#endif

namespace logonet::cli {

namespace {

#ifdef LOGONET_HAVE_STORAGE
// Sets up PROJECT/runs/NAME (or the folder --run names) from the project's clustering;
// returns it.
std::string setupFromProject(const CommandLine& line) {
    PretrainSettings settings;
    settings.run = line.required("run");
    settings.architecture = line.option("arch", "logonet");
    settings.outChannels = line.integer("out", 0);
    settings.clusterers = line.integer("clusterers", 0);
    settings.tau = line.number("tau", 0.1);
    settings.phi1 = line.number("phi1", settings.phi1);
    settings.maskLength = line.integer("mask-length", settings.maskLength);
    settings.phi2 = line.number("phi2", settings.phi2);
    if (!(settings.tau > 0) || !(settings.phi1 >= 0 && settings.phi1 <= 1) ||
        !(settings.phi2 >= 0 && settings.phi2 <= 1) || settings.maskLength < 1) {
        throw UsageError("--tau and --mask-length must be positive, --phi1 and --phi2 in [0, 1]");
    }
    settings.learningRate = line.number("lr", 1e-4);
    if (!(settings.learningRate > 0)) {
        throw UsageError("--lr must be positive");
    }
    settings.mask = !line.flag("no-mask");
    settings.iterations = line.integer("iters", 100);
    settings.batch = line.integer("batch", 1);
    settings.device = line.option("device", "cpu");
    settings.resume = line.flag("resume");
    settings.amp = line.flag("amp");
    settings.seed = static_cast<uint64_t>(line.integer("seed", 0));
    settings.threads = line.integer("threads", 2);
    if (settings.iterations < 1 || settings.batch < 1) {
        throw UsageError("--iters and --batch must be positive");
    }
    Project project = Project::open(line.required("project"), Project::Access::Shared);
    return pretrainRunFor(project, settings);
}
#endif

int runPretrain(const CommandLine& line) {
    line.rejectUnknown({"project",      "run",           "arch",        "out",     "clusterers",
                        "tau",          "phi1",          "mask-length", "phi2",    "lr",
                        "no-mask",      "iters",         "batch",       "device",  "amp",
                        "resume",       "seed",          "progress",    "threads", "setup-only",
                        "stop-at-step", "case-memory-gb"});
    const int64_t stopAtStep = stopAtStepOf(line);
    const int64_t caseMemory = line.gigabytes("case-memory-gb", 0);
    const std::string progressMode = line.option("progress", "bar");
    if (progressMode != "bar" && progressMode != "json") {
        throw UsageError("--progress must be json or bar");
    }
    std::string directory;
    if (line.has("project")) {
#ifdef LOGONET_HAVE_STORAGE
        directory = setupFromProject(line);
#else
        throw UsageError("this build has no project support: use pretrain --run DIR");
#endif
    } else {
        for (const char* option : {"arch", "out", "clusterers", "tau", "phi1", "mask-length",
                                   "phi2", "lr", "no-mask", "batch", "amp", "seed", "setup-only"}) {
            if (line.has(option)) {
                throw UsageError(std::string("--") + option +
                                 " sets a run up: give it with --project DIR --run NAME");
            }
        }
        directory = line.required("run");
    }
    training::PretrainConfig config = training::PretrainConfig::read(directory);
    if (!line.has("project") && (line.has("iters") || line.has("threads") || line.has("device"))) {
        // As `train --run DIR`: the stored config changes, so a later --resume agrees with it.
        config.iterations = line.integer("iters", config.iterations);
        config.threads = line.integer("threads", config.threads);
        config.device = line.option("device", config.device);
        if (config.iterations < 1) {
            throw UsageError("--iters must be positive");
        }
        training::RunFolder(directory).writeConfig(config.toJson());
    }
    if (line.flag("setup-only")) {
        // The run folder is complete; it trains elsewhere (`logonet remote run`).
        std::cout << directory << "\n";
        return 0;
    }
    catchStopSignals();
    TrainingProgress show(progressMode == "json");
    training::PretrainResult result;
    training::PretrainingRun run(config, directory);
    run.setStopAtStep(stopAtStep);
    run.setCaseMemory(caseMemory);
    try {
        result = run.run(
            line.flag("resume"), [&](const Json& e) { show(e); }, &stopRequested());
    } catch (...) {
        show.finish();
        throw;
    }
    show.finish();
    const Json& pretext = result.pretext;
    if (pretext.isObject()) {
        std::cerr << "pretext accuracy on masked slices of " << pretext.at("held_out_scans").dump()
                  << " held-out scans: " << pretext.at("accuracy").dump() << " (chance "
                  << pretext.at("chance").dump() << ", position-only "
                  << pretext.at("position_only").dump() << ", crop-majority "
                  << pretext.at("crop_majority").dump() << ")\n";
        if (!pretext.at("beats_position_only").asBool()) {
            std::cerr << "the pre-training does not beat the position-only baseline: it has "
                         "learned where a slice lies, not what it shows (more steps, a higher "
                         "--lr or more scans may help)\n";
        }
        if (!pretext.at("beats_crop_majority").asBool()) {
            std::cerr << "the pre-training does not beat the crop-majority baseline: the "
                         "clusterers label whole crops alike (scanner, contrast), so the pretext "
                         "task is which crop this is, not which slice\n";
        }
    } else if (!result.stopped) {
        std::cerr << "no pretext accuracy: fewer than 3 pre-training scans, none held out\n";
    }
    std::cout << Json(Json::Object{{"event", result.stopped ? "stopped" : "pretrained"},
                                   {"run", directory},
                                   {"steps", Json(result.steps)},
                                   {"final_loss", result.finalLoss},
                                   {"seconds", result.seconds},
                                   {"pretext", pretext}})
                     .dump()
              << "\n";
    return result.stopped ? 3 : 0;
}

}  // namespace

Command pretrainCommand() {
    Command command;
    command.name = "pretrain";
    command.summary = "pre-train a network on masked slices and k-means pseudo-labels";
    command.usage =
        "usage: logonet pretrain --project DIR --run NAME [--arch logonet] [--out C]\n"
        "                        [--clusterers N] [--tau 0.1] [--lr 1e-4] [--no-mask] [--iters "
        "100]\n"
        "                        [--phi1 0.1] [--mask-length 5] [--phi2 0.7]\n"
        "                        [--batch 1] [--device cpu|cuda] [--resume] [--seed S]\n"
        "                        [--threads 2] [--progress json] [--setup-only]\n"
        "                        [--case-memory-gb G]\n"
        "       logonet pretrain --run RUNDIR [--resume] [--iters N] [--threads T]\n"
        "                        [--device cpu|cuda] [--progress json] [--stop-at-step N]\n"
        "                        [--case-memory-gb G]\n\n"
        "Needs a clustering (`logonet cluster`). Trains the network plus the pre-training head\n"
        "on the clustered scans (crop and axis of the clustering): tempered cross-entropy\n"
        "(softmax(logits / tau)) over the masked slices, summed over clusterers; AdamW (--lr),\n"
        "weight decay 1e-5, warm-up + cosine. --no-mask and --clusterers 1 are the paper's\n"
        "ablations. Each step draws random crop^3 crops of the prepared scans (fine-tuning's\n"
        "spacing and augmentations) and labels each slice with its nearest centroid of every\n"
        "clusterer. The run folder (runs/NAME) holds config.json, the clusterers'\n"
        "centroids/*.npy, events.jsonl and checkpoints/{last,best}.pt with the network's\n"
        "branches only (no head), which `logonet train --init runs/NAME` loads; --out defaults\n"
        "to the project's classes + 1 so that every branch tensor fits the fine-tuning network.\n"
        "The scans are prepared into the project's cache. --setup-only writes\n"
        "the run folder and stops; `pretrain --run RUNDIR` trains such a folder from its files\n"
        "alone (no project: an engine built with LibTorch only, `logonet remote run`).\n"
        "SIGINT/SIGTERM stop after a checkpoint (exit code 3); --resume continues with the same\n"
        "crops and masks an uninterrupted run would draw (each step's are drawn from the seed and\n"
        "the step). A fifth of the scans (at least one, from three on) is held out: the run ends\n"
        "with the pretext accuracy on their masked slices next to chance and a position-only\n"
        "predictor (the majority label per slice position), and says when it does not beat it.\n"
        "The prepared scans are read from the cache as crops need them; at most\n"
        "--case-memory-gb of them stay in memory (default: a quarter of this machine's memory).\n"
        "--stop-at-step N (a testing aid): stop after step N as SIGTERM would (checkpoint, exit\n"
        "code 3), the schedule still that of --iters; --resume continues.";
    command.flags = {"no-mask", "amp", "resume", "setup-only"};
    command.run = runPretrain;
    return command;
}

}  // namespace logonet::cli
