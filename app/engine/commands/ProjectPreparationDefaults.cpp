// `logonet project settings`: the modality and target spacing a project's scans are prepared
// with when a command does not say (prepare, train, the workstation's Runs form).
#include <cstdio>
#include <iostream>

#include "commands/ProjectCommandParts.h"
#include "project/PreparationDefaults.h"

namespace logonet::cli {

namespace {

std::string describe(const PreparationDefaults& defaults) {
    char spacing[96];
    std::snprintf(spacing, sizeof spacing, "%gx%gx%g mm", defaults.spacing[0], defaults.spacing[1],
                  defaults.spacing[2]);
    return "modality " + defaults.modality + ", target spacing " + spacing;
}

int runProjectSettings(const CommandLine& line) {
    line.rejectUnknown({"project", "modality", "spacing"});
    Project project = Project::open(line.required("project"));
    PreparationDefaults defaults = preparationDefaults(project);
    const PreparationDefaults suggested = suggestedDefaults(project);
    if (line.has("modality") || line.has("spacing")) {
        if (const auto modality = line.option("modality")) {
            defaults.modality = *modality == "suggested" ? suggested.modality : *modality;
        }
        if (line.option("spacing") == std::optional<std::string>("suggested")) {
            defaults.spacing = suggested.spacing;
        } else if (line.has("spacing")) {
            const std::vector<double> spacing = line.numbers("spacing", {}, 3);
            defaults.spacing = {spacing[0], spacing[1], spacing[2]};
        }
        setPreparationDefaults(project, defaults);
        defaults = preparationDefaults(project);
    }
    std::cout << "preparation: " << describe(defaults)
              << (defaults.stored ? "" : " (built-in; nothing set yet)") << "\n"
              << "the scans suggest: " << describe(suggested) << "\n";
    return 0;
}

}  // namespace

void appendSettingsCommand(std::vector<Command>& commands) {
    commands.push_back(
        {"project settings",
         "show or set how a project's scans are prepared (modality, target spacing)",
         "usage: logonet project settings --project DIR [--modality auto|ct|mr|suggested]\n"
         "                                [--spacing X,Y,Z|suggested]\n"
         "prepare and train use these when not given --modality or --spacing. auto normalises\n"
         "each scan by its own modality (CT window, MR percentiles). suggested takes what the\n"
         "scans suggest: their common modality and their median spacing. Unset, a project\n"
         "uses auto and 1.5x1.5x2 mm.",
         {},
         runProjectSettings});
}

}  // namespace logonet::cli
