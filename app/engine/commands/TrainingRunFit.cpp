#ifdef LOGONET_HAVE_STORAGE

#include "commands/TrainingRunFit.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <utility>
#include <vector>

namespace logonet::cli {

namespace {

using NamedValues = std::vector<std::pair<LabelValue, std::string>>;

std::string lowerCase(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

std::string describe(const NamedValues& labels) {
    if (labels.empty()) {
        return "no labels";
    }
    std::string text;
    for (const auto& [value, name] : labels) {
        text += (text.empty() ? "" : ", ") + std::to_string(value) + " " + name;
    }
    return text;
}

}  // namespace

void checkRunFitsProject(const training::FineTuneConfig& run, const std::string& runName,
                         const Project& project) {
    NamedValues runLabels;
    for (size_t c = 0; c < run.classValues.size(); ++c) {
        if (run.classValues[c] != 0) {
            const std::string name = c < run.classNames.size() ? run.classNames[c] : "";
            runLabels.emplace_back(run.classValues[c], name);
        }
    }
    NamedValues projectLabels;
    for (const LabelEntry& entry : project.labelSet().entries()) {
        projectLabels.emplace_back(entry.value, entry.name);
    }
    std::sort(runLabels.begin(), runLabels.end());
    const bool fits =
        std::equal(runLabels.begin(), runLabels.end(), projectLabels.begin(), projectLabels.end(),
                   [](const auto& a, const auto& b) {
                       return a.first == b.first && lowerCase(a.second) == lowerCase(b.second);
                   });
    if (!fits) {
        throw std::runtime_error("run '" + runName + "' does not fit project " + project.path() +
                                 ": the run predicts [" + describe(runLabels) +
                                 "], the project's label set is [" + describe(projectLabels) +
                                 "]; choose a run trained on this label set");
    }
}

}  // namespace logonet::cli

#endif
