#ifdef LOGONET_HAVE_STORAGE

#include <iostream>

#include "commands/TrainingCommandSet.h"
#include "commands/TrainingProjectCases.h"

namespace logonet::cli {

namespace {

int runPrepare(const CommandLine& line) {
    line.rejectUnknown({"project", "spacing", "window", "modality", "workers", "json"});
    const int64_t workers = line.integer("workers", 2);
    if (workers < 1 || workers > 64) {
        throw UsageError("--workers must be between 1 and 64");
    }
    Project project = Project::open(line.required("project"), Project::Access::Shared);
    const PreprocessSettings settings = preprocessSettingsFrom(line, project);
    const bool json = line.flag("json");
    const PrepareSummary summary =
        prepareProjectCache(project, settings, static_cast<int>(workers), json);
    if (json) {
        Json done = Json::object();
        done["event"] = "finished";
        done["prepared"] = summary.prepared;
        done["skipped"] = summary.skipped;
        done["failed"] = Json(summary.failures.size());
        std::cout << done.dump() << std::endl;
    } else {
        std::cout << "prepared " << summary.prepared << ", skipped " << summary.skipped
                  << " (already prepared), failed " << summary.failures.size() << " ("
                  << settings.describe() << ")\n";
    }
    for (const auto& failure : summary.failures) {
        std::cerr << failure << "\n";
    }
    return summary.failures.empty() ? 0 : 1;
}

}  // namespace

Command prepareCommand() {
    Command command;
    command.name = "prepare";
    command.summary = "preprocess a project's scans into its cache for training";
    command.usage =
        "usage: logonet prepare --project DIR [--spacing 1.5,1.5,2.0] [--window -175,250]\n"
        "         [--modality auto|ct|mr] [--workers 2] [--json]\n"
        "Reorients to RAS, resamples (labels nearest-neighbour), maps the CT window (or MR\n"
        "percentiles) to [0, 1] and crops to the body, into DIR/cache. Scans already prepared\n"
        "with the same settings and labels are skipped. --modality auto (the default) treats\n"
        "each scan by its own modality (logonet list --json; logonet scan set --modality).\n"
        "Without --spacing/--modality the project's settings apply (logonet project settings).";
    command.flags = {"json"};
    command.run = runPrepare;
    return command;
}

}  // namespace logonet::cli

#endif
