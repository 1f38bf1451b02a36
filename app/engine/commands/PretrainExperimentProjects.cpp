#include "commands/PretrainExperimentProjects.h"

#ifdef LOGONET_HAVE_STORAGE

#include <iostream>
#include <stdexcept>

#include "commands/TrainingCommandSet.h"
#include "commands/TrainingPhantomFiles.h"
#include "import/ScanImporter.h"
#include "phantom/PhantomGenerator.h"
#include "project/PreparationDefaults.h"

namespace logonet::cli {

namespace fs = std::filesystem;

std::string phantomExperimentProject(const fs::path& dir, int64_t labeled, int64_t test,
                                     uint64_t firstSeed, int64_t unlabeled) {
    if (fs::exists(dir) && !fs::is_empty(dir)) {
        throw std::runtime_error(dir.string() + ": the experiment folder must be empty or absent");
    }
    const fs::path images = dir / "phantoms" / "images";
    const fs::path labels = dir / "phantoms" / "labels";
    const fs::path unlabeledImages = dir / "phantoms" / "unlabeled";
    std::cerr << "experiment: writing " << labeled << " labeled and " << unlabeled
              << " unlabeled phantoms to " << dir.string() << "\n";
    // Labeled, held-out and unlabeled phantoms come from one population of scanners and contrast
    // phases, as a lab's scans do: with the variety only in the unlabeled ones, one labeled case
    // already looked like every held-out one, and the comparison measured nothing a lab meets.
    writePhantoms(images, &labels, labeled, firstSeed, true);
    if (unlabeled > 0) {
        writePhantoms(unlabeledImages, nullptr, unlabeled, 1000, true);
    }
    const std::string projectDir = (dir / "project").string();
    Project project = Project::create(projectDir, phantomLabelSet());
    ScanImporter importer(project);
    ImportOptions options;
    options.labelsDir = labels.string();
    ImportReport report = importer.importPaths({images.string()}, options);
    if (unlabeled > 0) {
        ImportOptions unlabeledOptions;
        unlabeledOptions.unlabeled = true;
        const ImportReport more =
            importer.importPaths({unlabeledImages.string()}, unlabeledOptions);
        report.failures.insert(report.failures.end(), more.failures.begin(), more.failures.end());
    }
    if (!report.failures.empty()) {
        throw std::runtime_error("experiment import failed: " + report.failures.front().message);
    }
    int64_t seen = 0;
    for (const ScanRecord& scan : project.scans()) {
        if (scan.labeled && ++seen > labeled - test) {
            project.setSplit(scan.id, "test");
        }
    }
    PreparationDefaults defaults = preparationDefaults(project);
    defaults.spacing = {3.0, 3.0, 4.0};
    setPreparationDefaults(project, defaults);
    return projectDir;
}

std::vector<std::string> experimentTrainArguments(const std::string& projectDir,
                                                  const std::string& run, int64_t iterations,
                                                  int64_t seed, const std::string& threads) {
    return {"--project",
            projectDir,
            "--run",
            run,
            "--arch",
            "logonet-tiny",
            "--iters",
            std::to_string(iterations),
            "--crop",
            "32,32,32",
            "--batch",
            "2",
            "--lr",
            "3e-3",
            "--seed",
            std::to_string(seed),
            "--threads",
            threads,
            "--checkpoint-every",
            "1000000"};
}

std::string supervisedInitRun(const fs::path& dir, const ExperimentSize& size) {
    // Seeds of their own: the experiment's labeled phantoms start at 100, its unlabeled at 1000.
    const std::string projectDir = phantomExperimentProject(dir, size.supervisedCases, 0, 3000, 0);
    const std::vector<std::string> arguments = experimentTrainArguments(
        projectDir, "supervised", size.pretrainIterations, 1, size.threads);
    const Command train = trainCommand();
    std::cerr.flush();
    if (train.run(CommandLine(arguments, train.flags)) != 0) {
        throw std::runtime_error("experiment: the supervised upper bound's training failed");
    }
    std::cerr << "experiment: trained the supervised upper bound on " << size.supervisedCases
              << " labeled phantoms of " << projectDir << "\n";
    return projectDir + "/runs/supervised";
}

}  // namespace logonet::cli

#endif
