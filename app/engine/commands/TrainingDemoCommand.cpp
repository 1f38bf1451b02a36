#ifdef LOGONET_HAVE_STORAGE

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <iostream>

#include "commands/PretrainProjectData.h"
#include "commands/TrainingCommandSet.h"
#include "commands/TrainingDemoComparison.h"
#include "commands/TrainingEvaluation.h"
#include "commands/TrainingPhantomFiles.h"
#include "import/ScanImporter.h"
#include "io/ImageWriter.h"
#include "phantom/PhantomGenerator.h"
#include "project/Project.h"

namespace logonet::cli {

namespace {

namespace fs = std::filesystem;

// Runs another engine command in this process, as if typed on the command line.
int runCommand(const Command& command, const std::vector<std::string>& arguments) {
    return command.run(CommandLine(arguments, command.flags));
}

// The pre-training crop is a cube the size of the fine-tuning crop's largest side ("32" or
// "64,64,32"), so that both build the network for comparable inputs.
int64_t largestSide(const std::string& crop) {
    int64_t side = 0;
    for (size_t begin = 0; begin <= crop.size();) {
        const size_t end = std::min(crop.find(',', begin), crop.size());
        const std::string part = crop.substr(begin, end - begin);
        if (part.empty() || part.find_first_not_of("0123456789") != std::string::npos) {
            throw UsageError("--crop must be N or X,Y,Z in voxels, got '" + crop + "'");
        }
        side = std::max<int64_t>(side, std::stoll(part));
        begin = end + 1;
    }
    return side;
}

// Clusters the unlabeled phantoms' slices and pre-trains `architecture` on them (spec section 6)
// with settings small enough for a CPU; returns the run folder `train --init` reads.
std::string pretrainForDemo(const std::string& projectDir, const CommandLine& line,
                            const std::string& architecture, int64_t crop) {
    Project project = Project::open(projectDir, Project::Access::Shared);
    ClusterSettings clustering;
    clustering.clusterers = line.integer("clusterers", 3);
    clustering.kMin = 8;
    clustering.kMax = 16;
    clustering.subset = 0.5;
    clustering.iterations = 30;
    clustering.crop = crop;
    clustering.seed = static_cast<uint64_t>(line.integer("seed", 1));
    const Json clustered = clusterProject(project, clustering, {});
    std::cerr << "demo: clustered " << clustered.value("slices", int64_t{0}) << " slices of "
              << clustered.value("scans", int64_t{0}) << " unlabeled scans with "
              << clustering.clusterers << " clusterers\n";
    PretrainSettings pretraining;
    pretraining.run = "pretrain";
    pretraining.architecture = architecture;
    pretraining.iterations = line.integer("pretrain-iters", 200);
    // At a 32^3 crop logonet-tiny's deepest map is one voxel: batch norm needs two crops.
    pretraining.batch = 2;
    pretraining.seed = clustering.seed;
    const int64_t every = std::max<int64_t>(1, pretraining.iterations / 10);
    return pretrainProject(project, pretraining, [&](const Json& event) {
        const int64_t step = event.value("step", int64_t{0});
        if (event.value("event", std::string()) == "step" &&
            (step % every == 0 || step == pretraining.iterations)) {
            std::cerr << "demo: pre-training step " << step << "/" << pretraining.iterations
                      << ", loss " << event.value("loss", 0.0) << "\n";
        }
    });
}

int runDemo(const CommandLine& line) {
    line.rejectUnknown({"dir", "cases", "iters", "json", "threads", "crop", "batch", "lr", "seed",
                        "spacing", "pretrain", "unlabeled", "pretrain-iters", "clusterers"});
    const int64_t cases = line.integer("cases", 6);
    if (cases < 2 || cases > 200) {
        throw UsageError("--cases must be between 2 and 200");
    }
    const bool pretrain = line.flag("pretrain");
    const int64_t unlabeled = line.integer("unlabeled", pretrain ? 6 : 0);
    if (pretrain && (unlabeled < 1 || unlabeled > 200)) {
        throw UsageError("--unlabeled must be between 1 and 200 with --pretrain");
    }
    if (!pretrain &&
        (line.has("unlabeled") || line.has("pretrain-iters") || line.has("clusterers"))) {
        throw UsageError("--unlabeled, --pretrain-iters and --clusterers need --pretrain");
    }
    const bool json = line.flag("json");
    const auto started = std::chrono::steady_clock::now();
    const fs::path dir =
        line.has("dir") ? fs::path(line.required("dir"))
                        : fs::temp_directory_path() / ("logonet-demo-" + std::to_string(getpid()));
    if (fs::exists(dir) && !fs::is_empty(dir)) {
        throw std::runtime_error(dir.string() + ": the demo folder must be empty or absent");
    }
    const fs::path images = dir / "phantoms" / "images";
    const fs::path labels = dir / "phantoms" / "labels";
    const fs::path unlabeledImages = dir / "phantoms" / "unlabeled";
    std::cerr << "demo: writing " << cases << " phantom cases";
    if (unlabeled > 0) {
        std::cerr << " and " << unlabeled << " unlabeled ones";
    }
    std::cerr << " to " << dir.string() << "\n";
    writePhantoms(images, &labels, cases, 100);
    if (unlabeled > 0) {
        writePhantoms(unlabeledImages, nullptr, unlabeled, 1000);
    }
    const std::string projectDir = (dir / "project").string();
    {
        Project project = Project::create(projectDir, phantomLabelSet());
        ScanImporter importer(project);
        ImportOptions options;
        options.labelsDir = labels.string();
        const ImportReport report = importer.importPaths({images.string()}, options);
        if (!report.failures.empty()) {
            throw std::runtime_error("demo import failed: " + report.failures.front().message);
        }
        // About a third held out for the evaluation, never seen in training.
        const std::vector<ScanRecord> scans = project.scans();
        const size_t test = std::max<size_t>(1, scans.size() / 3);
        for (size_t n = scans.size() - test; n < scans.size(); ++n) {
            project.setSplit(scans[n].id, "test");
        }
        std::cerr << "demo: imported " << scans.size() << " scans (" << test << " held out)\n";
        if (unlabeled > 0) {
            ImportOptions unlabeledOptions;
            unlabeledOptions.unlabeled = true;
            const ImportReport more =
                importer.importPaths({unlabeledImages.string()}, unlabeledOptions);
            if (!more.failures.empty()) {
                throw std::runtime_error("demo import failed: " + more.failures.front().message);
            }
        }
    }
    const std::string threads = line.option("threads", "2");
    // The demo trains at 3x3x4 mm: a 32^3 crop then holds nearly the whole abdomen, so every step
    // sees every organ, and a step costs a quarter of a 64x64x32 crop at the phantom's 1.5 mm.
    // The prediction is interpolated back to the phantom's own grid for the evaluation.
    const std::string spacing = line.option("spacing", "3,3,4");
    runCommand(prepareCommand(), {"--project", projectDir, "--spacing", spacing});
    const std::string architecture = "logonet-tiny";
    const std::string crop = line.option("crop", "32,32,32");
    std::string pretrainDir;
    if (pretrain) {
        pretrainDir = pretrainForDemo(projectDir, line, architecture, largestSide(crop));
    }
    auto train = [&](const std::string& run, const std::string& init) {
        std::vector<std::string> arguments{"--project",
                                           projectDir,
                                           "--run",
                                           run,
                                           "--arch",
                                           architecture,
                                           "--iters",
                                           line.option("iters", "1200"),
                                           "--crop",
                                           crop,
                                           "--spacing",
                                           spacing,
                                           "--batch",
                                           line.option("batch", "2"),
                                           "--lr",
                                           line.option("lr", "3e-3"),
                                           "--seed",
                                           line.option("seed", "1"),
                                           "--threads",
                                           threads,
                                           "--checkpoint-every",
                                           "50"};
        if (!init.empty()) {
            arguments.insert(arguments.end(), {"--init", init});
        }
        if (pretrain) {
            std::cerr << "demo: fine-tuning " << run
                      << (init.empty() ? " from scratch\n" : " from the pre-training run\n");
        }
        return runCommand(trainCommand(), arguments);
    };
    const int trained = train("demo", "");
    if (trained != 0) {
        return trained;
    }
    const auto elapsed = [&] {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    };
    if (!pretrain) {
        std::vector<std::string> evaluate{"--run",     projectDir + "/runs/demo",
                                          "--project", projectDir,
                                          "--split",   "test",
                                          "--threads", threads};
        if (json) {
            evaluate.push_back("--json");
        }
        std::cerr << "demo: finished in " << elapsed()
                  << " s before evaluation; evaluating the held-out cases\n";
        return runCommand(evaluateCommand(), evaluate);
    }
    const int pretrained = train("demo-pretrained", pretrainDir);
    if (pretrained != 0) {
        return pretrained;
    }
    std::cerr << "demo: finished in " << elapsed()
              << " s before evaluation; evaluating the held-out cases with both runs\n";
    at::set_num_threads(static_cast<int>(std::stoll(threads)));
    Project project = Project::open(projectDir, Project::Access::Shared);
    const training::RunInferenceOptions inference;
    const RunEvaluation scratch =
        evaluateRun(project, projectDir + "/runs/demo", "test", inference);
    const RunEvaluation transferred =
        evaluateRun(project, projectDir + "/runs/demo-pretrained", "test", inference);
    // A person reads the table; with --json it goes to stderr and stdout ends with one object.
    const std::string table = diceComparisonTable(scratch.result, transferred.result);
    (json ? std::cerr : std::cout)
        << "Dice on the held-out scans (" << scratch.cases << ") without and with pre-training, "
        << static_cast<int64_t>(elapsed()) << " s in all:\n"
        << table;
    if (json) {
        std::cout << diceComparisonJson(scratch.result, transferred.result).dump() << std::endl;
    }
    return 0;
}

}  // namespace

Command demoCommand() {
    Command command;
    command.name = "demo";
    command.summary = "the whole path on phantoms: project, prepare, train, infer, evaluate";
    command.usage =
        "usage: logonet demo [--dir DIR] [--cases 6] [--iters 1200] [--crop 32,32,32]\n"
        "         [--spacing 3,3,4] [--batch 2] [--lr 3e-3] [--seed 1] [--threads 2] [--json]\n"
        "         [--pretrain [--unlabeled 6] [--pretrain-iters 200] [--clusterers 3]]\n"
        "Creates a project of phantom abdominal CTs (a third held out as 'test'), prepares it,\n"
        "trains logonet-tiny, predicts and scores the held-out cases and prints the per-organ\n"
        "Dice table. With --json the last line of stdout is one JSON object with mean_dice and\n"
        "per_class. DIR (default: a new folder under the temp directory) must be empty.\n"
        "--pretrain adds unlabeled phantoms, clusters their slices, pre-trains on them (run\n"
        "'pretrain'), fine-tunes a second run from both its branches ('demo-pretrained', the\n"
        "train --init default) with the same settings and prints both Dice tables side by side; "
        "its\n"
        "JSON has the keys above for the run from scratch and the same under \"pretrained\"\n"
        "for the other.";
    command.flags = {"json", "pretrain"};
    command.run = runDemo;
    return command;
}

}  // namespace logonet::cli

#endif
