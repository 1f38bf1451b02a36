// Per-scan edits after import: split, modality, an attached label file, removal, k-fold folds.
#include <iostream>
#include <string>

#include "commands/ProjectCommandParts.h"
#include "import/LabelAttachment.h"
#include "project/FoldAssignment.h"
#include "project/Project.h"
#include "project/ScanRemoval.h"

namespace logonet::cli {

namespace {

int64_t scanIdFrom(const CommandLine& line) {
    const int64_t id = line.integer("scan", -1);
    if (id < 0) {
        throw UsageError("--scan ID is required");
    }
    return id;
}

// Users write "validation" as often as "val"; the project stores "val".
std::string splitFrom(const std::string& word) {
    if (word == "validation" || word == "val") {
        return "val";
    }
    if (word != "train" && word != "test") {
        throw UsageError("--split must be train, validation or test");
    }
    return word;
}

std::string modalityFrom(const std::string& word) {
    if (word == "CT" || word == "ct") {
        return "CT";
    }
    if (word == "MR" || word == "mr" || word == "MRI" || word == "mri") {
        return "MR";
    }
    throw UsageError("--modality must be CT or MR");
}

int runScanSet(const CommandLine& line) {
    line.rejectUnknown({"project", "scan", "split", "modality"});
    const int64_t id = scanIdFrom(line);
    if (!line.has("split") && !line.has("modality")) {
        throw UsageError("nothing to set: give --split and/or --modality");
    }
    Project project = Project::open(line.required("project"));
    // Both or neither: validate every argument before writing either.
    const std::string split = line.has("split") ? splitFrom(*line.option("split")) : "";
    const std::string modality = line.has("modality") ? modalityFrom(*line.option("modality")) : "";
    project.scan(id);
    Transaction transaction(project.database());
    if (!split.empty()) {
        project.setSplit(id, split);
    }
    if (!modality.empty()) {
        project.setModality(id, modality);
    }
    transaction.commit();
    const ScanRecord scan = project.scan(id);
    std::cout << "scan " << id << " (" << scan.name << "): split " << scan.split << ", modality "
              << scan.modality << "\n";
    return 0;
}

int runAttachLabels(const CommandLine& line) {
    line.rejectUnknown({"project", "scan"});
    const int64_t id = scanIdFrom(line);
    if (line.positionals().size() != 1) {
        throw UsageError("expected one label file");
    }
    Project project = Project::open(line.required("project"));
    const LabelVersionRecord version = attachLabelFile(project, id, line.positionals().front());
    std::cout << "attached " << line.positionals().front() << " to scan " << id
              << " as ground-truth version " << version.id << "\n";
    return 0;
}

int runScanRemove(const CommandLine& line) {
    line.rejectUnknown({"project", "scan", "yes"});
    const int64_t id = scanIdFrom(line);
    Project project = Project::open(line.required("project"));
    if (!line.flag("yes")) {
        throw std::runtime_error("not removed without --yes: this would delete " +
                                 plannedRemoval(project, id).describe());
    }
    std::cout << "removed " << removeScan(project, id).describe() << "\n";
    return 0;
}

int runSplit(const CommandLine& line) {
    line.rejectUnknown({"project", "folds", "seed"});
    const int64_t folds = line.integer("folds", -1);
    if (folds < 2 || folds > 100) {
        throw UsageError("--folds K is required, 2 to 100");
    }
    const int64_t seed = line.integer("seed", 0);
    Project project = Project::open(line.required("project"));
    const auto assignment =
        assignFolds(project, static_cast<int>(folds), static_cast<uint64_t>(seed));
    std::vector<int> sizes(static_cast<size_t>(folds), 0);
    for (const auto& entry : assignment) {
        ++sizes[static_cast<size_t>(entry.second)];
    }
    std::cout << "assigned " << assignment.size() << " scan(s) to " << folds << " folds (seed "
              << seed << "):";
    for (size_t fold = 0; fold < sizes.size(); ++fold) {
        std::cout << (fold ? ", " : " ") << sizes[fold];
    }
    std::cout << "\n";
    return 0;
}

}  // namespace

void appendScanCommands(std::vector<Command>& commands) {
    commands.push_back({"scan set",
                        "set a scan's split or modality",
                        "usage: logonet scan set --project DIR --scan ID [--split "
                        "train|validation|test]\n"
                        "                        [--modality CT|MR]\n"
                        "The modality decides how training normalises the scan (CT: Hounsfield\n"
                        "window; MR: percentiles).",
                        {},
                        runScanSet});
    commands.push_back({"scan attach-labels",
                        "attach a label file to a scan already in the project",
                        "usage: logonet scan attach-labels --project DIR --scan ID FILE\n"
                        "Adds FILE as a new ground-truth version of the scan. Its grid (size,\n"
                        "spacing, origin, direction) must be the scan's; a mismatch is refused\n"
                        "with both grids shown.",
                        {},
                        runAttachLabels});
    commands.push_back({"scan remove",
                        "remove a scan and its label versions from a project",
                        "usage: logonet scan remove --project DIR --scan ID --yes\n"
                        "Without --yes nothing is removed; the refusal says what would be.",
                        {"yes"},
                        runScanRemove});
    commands.push_back(
        {"split",
         "assign the non-test scans to k cross-validation folds",
         "usage: logonet split --project DIR --folds K [--seed S]\n"
         "A seeded shuffle dealt round-robin: fold sizes differ by at most one and\n"
         "the same seed gives the same folds. Test scans get no fold. `logonet list\n"
         "--json` shows each scan's fold.",
         {},
         runSplit});
}

}  // namespace logonet::cli
