#pragma once

#include <functional>
#include <string>
#include <vector>

#include "CommandLine.h"
#include "cache/PreprocessSettings.h"

#ifdef LOGONET_HAVE_STORAGE
#include "finetune/FineTuneConfig.h"
#include "project/Project.h"
#endif

namespace logonet::cli {

// --spacing, --window and --modality, with spec section 7's defaults.
PreprocessSettings preprocessSettingsFrom(const CommandLine& line);

#ifdef LOGONET_HAVE_STORAGE

// The same, with the project's preparation defaults (logonet project settings) for the options
// not given.
PreprocessSettings preprocessSettingsFrom(const CommandLine& line, Project& project);

// The cache name of a scan: "scan_000012".
std::string caseIdFor(int64_t scanId);

struct PrepareSummary {
    int prepared = 0;
    int skipped = 0;
    std::vector<std::string> failures;  // "scan 3 (case_003): message"
};

// Preprocesses every scan of the project into its cache folder with `workers` threads; a case
// already prepared with the same settings from the same label version is skipped.
PrepareSummary prepareProjectCache(Project& project, const PreprocessSettings& settings,
                                   int workers, bool jsonProgress);

// The same for the scans a fine-tuning run reads (labeled, split train or val), so that a run
// started on a fresh project (the workstation's Start button) needs no `logonet prepare` first.
// Throws std::runtime_error listing the scans that could not be prepared.
// `listener` also gets each scan's event ("prepared" or "failed" with scan, name, done and
// total), for the run's events.jsonl that the workstation follows.
void prepareRunCases(Project& project, const PreprocessSettings& settings, int workers,
                     bool jsonProgress, const std::function<void(const Json&)>& listener = {});

// The same for the given scans, labeled or not (pre-training crops every scan it uses).
void prepareScanCases(Project& project, const std::vector<ScanRecord>& scans,
                      const PreprocessSettings& settings, int workers, bool jsonProgress,
                      const std::function<void(const Json&)>& listener = {});

// A run config for the project: classes from its label set, labeled train scans to train on and
// labeled val scans to validate on, each checked to be prepared with `settings`.
training::FineTuneConfig projectRunConfig(Project& project, const PreprocessSettings& settings);

#endif

}  // namespace logonet::cli
