#include "import/DatasetLabels.h"

#include <algorithm>
#include <cctype>

#include "import/ScanImporter.h"
#include "labels/LabelPalette.h"

namespace logonet {

namespace {

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

}  // namespace

std::string reconcileDatasetLabels(Project& project, const DatasetDescription& dataset) {
    const LabelSet& current = project.labelSet();
    std::vector<LabelEntry> missing;
    std::string conflicts;
    for (const LabelEntry& entry : dataset.labels.entries()) {
        const LabelEntry* ours = current.find(entry.value);
        if (!ours) {
            missing.push_back(entry);
        } else if (lower(ours->name) != lower(entry.name)) {
            conflicts += (conflicts.empty() ? "" : "; ") + std::string("value ") +
                         std::to_string(entry.value) + " is \"" + entry.name + "\" there but \"" +
                         ours->name + "\" in the project";
        }
    }
    if (missing.empty() && conflicts.empty()) {
        return {};
    }
    const bool anyLabels = project.database().queryInt("SELECT COUNT(*) FROM label_versions") > 0;
    if (!anyLabels) {
        project.setLabelSet(dataset.labels);
        return "the project's label set is now the " + std::to_string(dataset.labels.size()) +
               " labels of " + dataset.path + " (it had no label maps yet)";
    }
    if (!conflicts.empty()) {
        throw ImportError(dataset.path +
                          ": its label names differ from the project's, which already has label "
                          "maps: " +
                          conflicts + " (create a project with --labels " + dataset.path +
                          " for this dataset)");
    }
    LabelSet extended = current;
    std::string added;
    for (LabelEntry entry : missing) {
        entry.colour = paletteColour(extended.size());
        extended.add(entry);
        added += (added.empty() ? "" : ", ") + std::to_string(entry.value) + " " + entry.name;
    }
    project.setLabelSet(extended);
    return "added the labels " + added + " of " + dataset.path + " to the project's label set";
}

}  // namespace logonet
