#ifdef LOGONET_HAVE_STORAGE

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <iostream>

#include "commands/TrainingCommandSet.h"
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

int runDemo(const CommandLine& line) {
    line.rejectUnknown(
        {"dir", "cases", "iters", "json", "threads", "crop", "batch", "lr", "seed", "spacing"});
    const int64_t cases = line.integer("cases", 6);
    if (cases < 2 || cases > 200) {
        throw UsageError("--cases must be between 2 and 200");
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
    fs::create_directories(images);
    fs::create_directories(labels);
    std::cerr << "demo: writing " << cases << " phantom cases to " << dir.string() << "\n";
    for (int64_t n = 0; n < cases; ++n) {
        PhantomOptions options;
        options.seed = static_cast<uint64_t>(100 + n);
        const PhantomCase phantom = generatePhantom(options);
        char name[32];
        std::snprintf(name, sizeof name, "case_%03lld.nii.gz", static_cast<long long>(n));
        writeImage(phantom.image, (images / name).string(), StoredPixelType::Int16);
        writeLabelMap(phantom.labels, (labels / name).string());
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
    }
    const std::string threads = line.option("threads", "2");
    // The demo trains at 3x3x4 mm: a 32^3 crop then holds nearly the whole abdomen, so every step
    // sees every organ, and a step costs a quarter of a 64x64x32 crop at the phantom's 1.5 mm.
    // The prediction is interpolated back to the phantom's own grid for the evaluation.
    const std::string spacing = line.option("spacing", "3,3,4");
    runCommand(prepareCommand(), {"--project", projectDir, "--spacing", spacing});
    const int trained = runCommand(trainCommand(), {"--project",
                                                    projectDir,
                                                    "--run",
                                                    "demo",
                                                    "--arch",
                                                    "logonet-tiny",
                                                    "--iters",
                                                    line.option("iters", "1200"),
                                                    "--crop",
                                                    line.option("crop", "32,32,32"),
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
                                                    "50"});
    if (trained != 0) {
        return trained;
    }
    std::vector<std::string> evaluate{
        "--run", projectDir + "/runs/demo", "--project", projectDir, "--split", "test", "--threads",
        threads};
    if (json) {
        evaluate.push_back("--json");
    }
    std::cerr << "demo: finished in "
              << std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count()
              << " s before evaluation; evaluating the held-out cases\n";
    return runCommand(evaluateCommand(), evaluate);
}

}  // namespace

Command demoCommand() {
    Command command;
    command.name = "demo";
    command.summary = "the whole path on phantoms: project, prepare, train, infer, evaluate";
    command.usage =
        "usage: logonet demo [--dir DIR] [--cases 6] [--iters 1200] [--crop 32,32,32]\n"
        "         [--spacing 3,3,4] [--batch 2] [--lr 3e-3] [--seed 1] [--threads 2] [--json]\n"
        "Creates a project of phantom abdominal CTs (a third held out as 'test'), prepares it,\n"
        "trains logonet-tiny, predicts and scores the held-out cases and prints the per-organ\n"
        "Dice table. With --json the last line of stdout is one JSON object with mean_dice and\n"
        "per_class. DIR (default: a new folder under the temp directory) must be empty.";
    command.flags = {"json"};
    command.run = runDemo;
    return command;
}

}  // namespace logonet::cli

#endif
