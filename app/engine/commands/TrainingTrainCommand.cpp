#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>

#include "commands/TrainingCommandSet.h"
#include "commands/TrainingProjectCases.h"
#include "data/CropPlan.h"
#include "distributed/DataParallelContext.h"
#include "distributed/DistributedEnvironment.h"
#include "finetune/FineTuner.h"
#include "fs/DurableFile.h"
#include "run/RunFolder.h"

#ifdef LOGONET_HAVE_STORAGE
#include "runs/RunStore.h"
#endif

namespace logonet::cli {

namespace {

namespace fs = std::filesystem;

// Applies the command line's training options to `config` (only those given when `onlyGiven`,
// so that `train --run DIR --iters N` changes just the iteration count of a stored config).
void applyOptions(const CommandLine& line, training::FineTuneConfig& config) {
    config.architecture = line.option("arch", config.architecture);
    if (line.has("crop") && line.option("crop", "") == "auto") {
        if (config.trainCases.empty()) {
            throw UsageError("--crop auto needs prepared training cases, and the project has none");
        }
        config.crop = training::planCrop(
            training::preparedCaseSizes(config.cacheDirectory, config.trainCases));
        std::cerr << "crop auto: " << config.crop[0] << "," << config.crop[1] << ","
                  << config.crop[2]
                  << " (median prepared training case, multiple of 32, at most 96)\n";
    } else if (line.has("crop")) {
        const auto crop = line.integers("crop", {}, 3);
        config.crop = {crop[0], crop[1], crop[2]};
    }
    for (const int64_t c : config.crop) {
        if (c < 8) {
            throw UsageError("--crop sizes must be at least 8 voxels");
        }
    }
    config.batch = line.integer("batch", config.batch);
    config.accumulation = line.integer("accumulate", config.accumulation);
    config.learningRate = line.number("lr", config.learningRate);
    config.weightDecay = line.number("weight-decay", config.weightDecay);
    config.warmupSteps = line.integer("warmup", config.warmupSteps);
    config.seed = static_cast<uint64_t>(line.integer("seed", static_cast<int64_t>(config.seed)));
    config.validateEvery = line.integer("val-every", config.validateEvery);
    config.checkpointEvery = line.integer("checkpoint-every", config.checkpointEvery);
    config.device = line.option("device", config.device);
    config.threads = line.integer("threads", config.threads);
    config.diceWeight = line.number("dice-weight", config.diceWeight);
    config.ceWeight = line.number("ce-weight", config.ceWeight);
    config.initFrom = line.option("init", config.initFrom);
    if (line.has("init-scope")) {
        try {
            config.initScope = training::parseTransferScope(line.required("init-scope"));
        } catch (const std::invalid_argument& error) {
            throw UsageError(std::string("--init-scope: ") + error.what());
        }
    }
    if (line.flag("amp")) {
        config.amp = true;
    }
    if (line.flag("checkpointing")) {
        config.checkpointing = true;
    }
    if (line.flag("no-augment")) {
        config.augment = false;
    }
    if (config.batch < 1 || config.accumulation < 1) {
        throw UsageError("--batch and --accumulate must be at least 1");
    }
    if (config.device != "cpu" && config.device != "cuda") {
        throw UsageError("--device must be cpu or cuda");
    }
    if (line.has("iters") && line.has("epochs")) {
        throw UsageError("give --iters or --epochs, not both");
    }
    if (line.has("iters")) {
        config.iterations = line.integer("iters", config.iterations);
    } else if (line.has("epochs")) {
        const int64_t epochs = line.integer("epochs", 1);
        const int64_t perStep = config.batch * config.accumulation;
        const int64_t cases = static_cast<int64_t>(config.trainCases.size());
        config.iterations = std::max<int64_t>(1, (epochs * cases + perStep - 1) / perStep);
    }
    if (config.iterations < 1) {
        throw UsageError("--iters must be at least 1");
    }
}

// An --init that names a run folder means that run's best (else last) checkpoint.
std::string checkpointFromInit(const std::string& init) {
    if (init.empty()) {
        return init;
    }
    if (!fs::exists(init)) {
        throw std::runtime_error("--init " + init + ": no such checkpoint or run folder");
    }
    if (!fs::is_directory(init)) {
        return init;
    }
    const training::RunFolder run(init);
    for (const std::string& path : {run.bestCheckpointPath(), run.lastCheckpointPath()}) {
        if (fs::exists(path)) {
            return path;
        }
    }
    throw std::runtime_error("--init " + init +
                             ": a folder with no checkpoints/best.pt or last.pt (has that run "
                             "trained yet?)");
}

// The run folder's own copy of its initial weights, so that the folder alone (with its cache)
// trains elsewhere (`logonet remote run`); config.json then names it relative to the folder.
std::string copyInitIntoRun(const std::string& checkpoint, const std::string& runDirectory) {
    const std::string name = "init.pt";
    writeFileDurably((fs::path(runDirectory) / name).string(),
                     [&](const std::string& temporary) { fs::copy_file(checkpoint, temporary); });
    return name;
}

int runTrain(const CommandLine& line) {
    line.rejectUnknown({"project",      "run",           "arch",         "init",
                        "iters",        "epochs",        "batch",        "crop",
                        "lr",           "weight-decay",  "warmup",       "device",
                        "amp",          "checkpointing", "val-every",    "checkpoint-every",
                        "seed",         "resume",        "threads",      "progress",
                        "accumulate",   "dice-weight",   "ce-weight",    "no-augment",
                        "spacing",      "window",        "modality",     "setup-only",
                        "dist-timeout", "init-scope",    "stop-at-step", "case-memory-gb"});
    const int64_t caseMemory = line.gigabytes("case-memory-gb", 0);
    const bool resume = line.flag("resume");
    const int64_t stopAtStep = stopAtStepOf(line);
    const std::string progressMode = line.option("progress", "bar");
    if (progressMode != "bar" && progressMode != "json") {
        throw UsageError("--progress must be json or bar");
    }
    // A rank of a data-parallel job (torchrun or srun variables): only rank 0 writes the run.
    const std::optional<training::DistributedEnvironment> distributed =
        training::DistributedEnvironment::fromEnvironment();
    const int rank = distributed ? distributed->rank : 0;
    const bool writer = rank == 0;
    const double timeoutSeconds = line.number("dist-timeout", 1800.0);
    if (timeoutSeconds <= 0) {
        throw UsageError("--dist-timeout must be a positive number of seconds");
    }
    std::string runDirectory;
    training::FineTuneConfig config;
    bool fromProject = line.has("project");
#ifdef LOGONET_HAVE_STORAGE
    std::optional<Project> project;
#endif
    if (fromProject) {
#ifdef LOGONET_HAVE_STORAGE
        const std::string name = line.required("run");
        if (name.find('/') != std::string::npos || name.empty() || name[0] == '.') {
            throw UsageError("--run NAME with --project is a run name, not a path");
        }
        project.emplace(Project::open(line.required("project"), Project::Access::Shared));
        runDirectory = project->absolutePath("runs/" + name);
        const training::RunFolder folder(runDirectory);
        // The other ranks build the same config as rank 0 from the same options, without writing it
        // and without tripping over the one rank 0 may have written already.
        if (folder.hasConfig() && (resume || writer)) {
            if (!resume) {
                throw std::runtime_error("run '" + name + "' already exists in " + project->path() +
                                         " (continue it with --resume or choose another name)");
            }
            config = training::FineTuneConfig::fromJson(folder.readConfig());
        } else {
            const PreprocessSettings settings = preprocessSettingsFrom(line, *project);
            {
                // The preparation's progress goes to the run's events.jsonl too: the workstation
                // follows that file from the moment it starts the run.
                std::optional<training::RunFolder> events;
                if (writer) {
                    fs::create_directories(runDirectory);
                    events.emplace(runDirectory);
                }
                prepareRunCases(*project, settings, static_cast<int>(line.integer("threads", 2)),
                                progressMode == "json", [&](const Json& event) {
                                    if (events) {
                                        events->appendEvent(event);
                                    }
                                });
            }
            config = projectRunConfig(*project, settings);
            applyOptions(line, config);
            config.initFrom = checkpointFromInit(config.initFrom);
            if (!config.initFrom.empty()) {
                config.initFrom = fs::absolute(config.initFrom).string();
            }
            // Relative, so that the run folder and the cache move together.
            if (writer) {
                fs::create_directories(runDirectory);
                if (line.flag("setup-only") && !config.initFrom.empty()) {
                    config.initFrom = copyInitIntoRun(config.initFrom, runDirectory);
                }
            }
            config.cacheDirectory = fs::relative(config.cacheDirectory, runDirectory).string();
            if (writer) {
                folder.writeConfig(config.toJson());
            }
        }
#else
        throw UsageError("this build has no project support: use train --run DIR");
#endif
    } else {
        runDirectory = line.required("run");
        const training::RunFolder folder(runDirectory);
        try {
            config = training::FineTuneConfig::fromJson(folder.readConfig());
        } catch (const JsonError& error) {
            throw std::runtime_error(folder.configPath() + ": " + error.what());
        }
        if (line.has("iters") || line.has("threads") || line.has("device")) {
            config.iterations = line.integer("iters", config.iterations);
            config.threads = line.integer("threads", config.threads);
            config.device = line.option("device", config.device);
            if (writer) {
                folder.writeConfig(config.toJson());
            }
        }
    }

    // A relative init is the run folder's own copy (written by --setup-only).
    if (!config.initFrom.empty() && fs::path(config.initFrom).is_relative()) {
        config.initFrom = (fs::path(runDirectory) / config.initFrom).string();
        if (!fs::exists(config.initFrom)) {
            throw std::runtime_error(training::RunFolder(runDirectory).configPath() +
                                     ": its initial weights " + config.initFrom + " are missing");
        }
    }
    if (line.flag("setup-only")) {
        // The run folder is complete; it trains elsewhere (`logonet remote run`).
        std::cout << runDirectory << "\n";
        return 0;
    }
    TrainingProgress progress(progressMode == "json");
    training::FineTuner tuner(config, runDirectory);
    std::shared_ptr<training::DataParallelContext> parallel;
    if (distributed) {
        training::DataParallelOptions options;
        options.timeout = std::chrono::milliseconds(static_cast<int64_t>(timeoutSeconds * 1000.0));
        parallel =
            std::make_shared<training::DataParallelContext>(*distributed, config.device, options);
        tuner.setParallelContext(parallel);
    }
    // For tests of data-parallel runs: every rank saves its final weights as rank<R>.pt there.
    if (const char* folder = std::getenv("LOGONET_FINAL_WEIGHTS_DIR")) {
        tuner.setFinalWeightsPath(std::string(folder) + "/rank" + std::to_string(rank) + ".pt");
    }
    tuner.setStopAtStep(stopAtStep);
    tuner.setCaseMemory(caseMemory);
    catchStopSignals();
#ifdef LOGONET_HAVE_STORAGE
    std::optional<RunStore> runs;
    const std::string runName = training::RunFolder(runDirectory).name();
    if (project && writer) {
        runs.emplace(project->database());
        runs->recordRun(runName, "finetune", "running", config.toJson().dump());
    }
#endif
    training::FineTuneResult result;
    try {
        result = tuner.run(
            resume, [&](const Json& e) { progress(e); }, &stopRequested());
    } catch (...) {
        progress.finish();
#ifdef LOGONET_HAVE_STORAGE
        if (runs) {
            runs->setStatus(runName, "failed");
        }
#endif
        throw;
    }
    progress.finish();
    if (parallel) {
        parallel->finish();
    }
    if (!writer) {
        std::cerr << "rank " << rank << (result.stopped ? " stopped" : " finished") << " after "
                  << result.steps << " steps (" << parallel->stepsRun()
                  << " in this run, from step " << parallel->startStep()
                  << "; rank 0 writes the run folder)\n";
        return result.stopped ? 3 : 0;
    }
    const training::RunFolder folder(runDirectory);
    Json metrics = Json::object();
    metrics["steps"] = Json(result.steps);
    metrics["final_loss"] = result.finalLoss;
    metrics["best_dice"] = result.bestDice;
    metrics["best_step"] = Json(result.bestStep);
    metrics["seconds"] = result.seconds;
    metrics["stopped"] = result.stopped;
    metrics["peak_memory_mb"] = training::peakResidentMemoryMiB();
    folder.writeMetrics(metrics);
#ifdef LOGONET_HAVE_STORAGE
    if (runs) {
        runs->setStatus(runName, result.stopped ? "stopped" : "finished");
    }
#endif
    if (progressMode == "json") {
        Json done = metrics;
        done["event"] = result.stopped ? "stopped" : "finished";
        std::cout << done.dump() << std::endl;
    } else {
        std::cerr << (result.stopped ? "stopped" : "finished") << " after " << result.steps
                  << " steps in " << result.seconds << " s; final loss " << result.finalLoss
                  << "; run folder " << runDirectory << "\n";
    }
    return result.stopped ? 3 : 0;
}

}  // namespace

Command trainCommand() {
    Command command;
    command.name = "train";
    command.summary = "fine-tune a segmentation network on a project's prepared scans";
    command.usage =
        "usage: logonet train --project DIR --run NAME [--arch logonet-tiny] [--init CKPT|RUNDIR]\n"
        "         [--iters N | --epochs N] [--batch 2] [--crop 96 | X,Y,Z | auto] [--lr 1e-4]\n"
        "         [--device cpu|cuda] [--amp] [--checkpointing] [--val-every N] [--seed S]\n"
        "         [--resume] [--threads T] [--progress json] [--accumulate K]\n"
        "         [--dice-weight 1] [--ce-weight 1] [--checkpoint-every 50] [--warmup N]\n"
        "         [--init-scope branches|encoders]\n"
        "         [--spacing 1.5,1.5,2.0 --window -175,250 --modality ct]\n"
        "       logonet train --run RUNDIR [--resume] [--iters N] [--threads T] [--progress json]\n"
        "         [--dist-timeout 1800] [--stop-at-step N] [--case-memory-gb G]\n"
        "Trains on the labeled scans of split 'train', validates on split 'val'; scans not yet\n"
        "prepared with these --spacing/--window/--modality (or changed since) are prepared first.\n"
        "--crop auto: the median prepared training case rounded down to a multiple of 32, at\n"
        "most 96 (as nnU-Net plans its patch). The run folder\n"
        "(PROJECT/runs/NAME) gets config.json, events.jsonl, checkpoints/last.pt and best.pt and\n"
        "metrics.json. SIGINT/SIGTERM stop after a checkpoint (exit code 3); --resume continues.\n"
        "--setup-only writes the run folder's config.json (and a copy of the --init weights as\n"
        "init.pt) and stops: the folder and its cache then train anywhere (logonet remote run).\n"
        "--init-scope: which weights of a pre-training --init start the run: both branches\n"
        "whole (the default, the spec's), or their encoders only (decoders and head new, as\n"
        "from scratch). The load report (loaded/skipped/new tensors) is printed and stored as\n"
        "init_report.json; an --init of another architecture or shapes is refused.\n"
        "Data-parallel on several processes, GPUs or machines when WORLD_SIZE > 1 (torchrun\n"
        "variables RANK, WORLD_SIZE, LOCAL_RANK, MASTER_ADDR, MASTER_PORT, or srun's "
        "SLURM_PROCID,\n"
        "SLURM_NTASKS, SLURM_LOCALID): each rank trains --batch samples per step, gradients are\n"
        "averaged (c10d: Gloo on the CPU, NCCL on GPUs), rank 0 writes the run; a rank that dies\n"
        "or is silent for --dist-timeout seconds fails the others, as does a MASTER_ADDR:PORT\n"
        "that cannot be reached within it.\n"
        "The prepared training scans are each read once before the first step (a bad one is\n"
        "named then), then from the cache as crops need them: at most --case-memory-gb of them\n"
        "stay in memory (default: a quarter of this machine's memory); validation scans are\n"
        "read one at a time when scored.\n"
        "--stop-at-step N (a testing aid): stop after step N as SIGTERM would (checkpoint, exit\n"
        "code 3), the learning-rate schedule still that of --iters, so that a test stops a long\n"
        "run at a known step whatever the machine's speed and --resume continues it.";
    command.flags = {"amp", "checkpointing", "resume", "no-augment", "setup-only"};
    command.run = runTrain;
    return command;
}

}  // namespace logonet::cli
