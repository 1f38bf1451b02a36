#include "commands/TrainingProjectCases.h"

#include <atomic>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <stdexcept>
#include <thread>

#ifdef LOGONET_HAVE_STORAGE
#include "cache/CaseCache.h"
#include "cache/CasePreparation.h"
#include "cache/GeometryJson.h"
#include "project/CachedCaseName.h"
#include "project/PreparationDefaults.h"
#endif

namespace logonet::cli {

namespace {

PreprocessSettings settingsFrom(const CommandLine& line, const std::vector<double>& defaultSpacing,
                                const std::string& defaultModality) {
    PreprocessSettings settings;
    const std::vector<double> spacing = line.numbers("spacing", defaultSpacing, 3);
    const std::vector<double> window = line.numbers("window", {-175.0, 250.0}, 2);
    for (int a = 0; a < 3; ++a) {
        if (!(spacing[a] > 0.0)) {
            throw UsageError("--spacing values must be positive");
        }
        settings.spacing[a] = spacing[a];
    }
    if (!(window[1] > window[0])) {
        throw UsageError("--window needs LOW,HIGH with LOW < HIGH");
    }
    settings.windowLow = window[0];
    settings.windowHigh = window[1];
    // By default each scan is normalised by its own modality (logonet scan set --modality).
    settings.modality = line.option("modality", defaultModality);
    if (settings.modality != "ct" && settings.modality != "mr" && settings.modality != "auto") {
        throw UsageError("--modality must be ct, mr or auto");
    }
    return settings;
}

}  // namespace

PreprocessSettings preprocessSettingsFrom(const CommandLine& line) {
    return settingsFrom(line, {1.5, 1.5, 2.0}, "auto");
}

#ifdef LOGONET_HAVE_STORAGE

PreprocessSettings preprocessSettingsFrom(const CommandLine& line, Project& project) {
    const PreparationDefaults defaults = preparationDefaults(project);
    return settingsFrom(line, {defaults.spacing[0], defaults.spacing[1], defaults.spacing[2]},
                        defaults.modality);
}

std::string caseIdFor(int64_t scanId) {
    return cachedCaseName(scanId);
}

namespace {

PrepareSummary prepareScans(Project& project, const std::vector<ScanRecord>& scans,
                            const PreprocessSettings& projectSettings, int workers,
                            bool jsonProgress, bool reportSkipped,
                            const std::function<void(const Json&)>& listener = {}) {
    const CaseCache cache(project.absolutePath("cache"));
    PrepareSummary summary;
    std::mutex mutex;  // the project (one SQLite connection) and the summary
    std::atomic<size_t> next{0};
    auto report = [&](const std::string& kind, const ScanRecord& scan, const std::string& message) {
        Json event = Json::object();
        event["event"] = kind;
        event["scan"] = Json(scan.id);
        event["name"] = scan.name;
        event["done"] =
            Json(summary.prepared + summary.skipped + static_cast<int>(summary.failures.size()));
        event["total"] = Json(scans.size());
        if (!message.empty()) {
            event["message"] = message;
        }
        if (listener) {
            listener(event);
        }
        if (jsonProgress) {
            std::cout << event.dump() << std::endl;
        } else {
            std::cerr << kind << " " << scan.name << (message.empty() ? "" : ": " + message)
                      << "\n";
        }
    };
    auto work = [&]() {
        for (size_t n = next++; n < scans.size(); n = next++) {
            const ScanRecord& scan = scans[n];
            const std::string id = caseIdFor(scan.id);
            const PreprocessSettings settings = projectSettings.forScan(scan.modality);
            try {
                ImageVolume image;
                LabelVolume labels;
                std::string source = "unlabeled";
                {
                    std::lock_guard<std::mutex> lock(mutex);
                    const auto version = project.currentLabels(scan.id);
                    if (version) {
                        source = "label-version:" + std::to_string(version->id);
                    }
                    if (cache.has(id, settings, source)) {
                        ++summary.skipped;
                        if (reportSkipped) {
                            report("skipped", scan, "");
                        }
                        continue;
                    }
                    image = project.loadImage(scan.id);
                    if (version) {
                        labels = project.loadLabels(version->id);
                    }
                }
                CachedCase entry = prepareCase(id, image, labels, settings);
                entry.source = source;
                cache.write(entry);
                std::lock_guard<std::mutex> lock(mutex);
                ++summary.prepared;
                report("prepared", scan, entry.image.geometry().describe());
            } catch (const std::exception& error) {
                std::lock_guard<std::mutex> lock(mutex);
                summary.failures.push_back("scan " + std::to_string(scan.id) + " (" + scan.name +
                                           "): " + error.what());
                report("failed", scan, error.what());
            }
        }
    };
    std::vector<std::thread> pool;
    for (int w = 1; w < std::max(1, workers); ++w) {
        pool.emplace_back(work);
    }
    work();
    for (auto& thread : pool) {
        thread.join();
    }
    return summary;
}

}  // namespace

PrepareSummary prepareProjectCache(Project& project, const PreprocessSettings& settings,
                                   int workers, bool jsonProgress) {
    return prepareScans(project, project.scans(), settings, workers, jsonProgress, true);
}

void prepareRunCases(Project& project, const PreprocessSettings& settings, int workers,
                     bool jsonProgress, const std::function<void(const Json&)>& listener) {
    std::vector<ScanRecord> needed;
    for (const ScanRecord& scan : project.scans()) {
        if (scan.labeled && (scan.split == "train" || scan.split == "val")) {
            needed.push_back(scan);
        }
    }
    prepareScanCases(project, needed, settings, workers, jsonProgress, listener);
}

void prepareScanCases(Project& project, const std::vector<ScanRecord>& scans,
                      const PreprocessSettings& settings, int workers, bool jsonProgress,
                      const std::function<void(const Json&)>& listener) {
    const PrepareSummary summary =
        prepareScans(project, scans, settings, workers, jsonProgress, false, listener);
    if (summary.prepared > 0) {
        std::cerr << "prepared " << summary.prepared << " of " << scans.size()
                  << " scans for the run (" << settings.describe() << ")\n";
    }
    if (!summary.failures.empty()) {
        std::string message = "cannot prepare the run's scans:";
        for (const std::string& failure : summary.failures) {
            message += "\n  " + failure;
        }
        throw std::runtime_error(message);
    }
}

training::FineTuneConfig projectRunConfig(Project& project, const PreprocessSettings& settings) {
    training::FineTuneConfig config;
    config.preprocessing = settings;
    config.cacheDirectory = project.absolutePath("cache");
    config.classValues = {0};
    config.classNames = {"background"};
    for (const LabelEntry& entry : project.labelSet().entries()) {
        config.classValues.push_back(entry.value);
        config.classNames.push_back(entry.name);
    }
    const CaseCache cache(config.cacheDirectory);
    for (const ScanRecord& scan : project.scans()) {
        if (!scan.labeled || (scan.split != "train" && scan.split != "val")) {
            continue;
        }
        const std::string id = caseIdFor(scan.id);
        const auto header = cache.header(id);
        if (!header) {
            throw std::runtime_error("scan " + std::to_string(scan.id) + " (" + scan.name +
                                     ") is not prepared: run logonet prepare --project " +
                                     project.path());
        }
        const PreprocessSettings cached = PreprocessSettings::fromJson(header->at("settings"));
        if (cached != settings.forScan(scan.modality)) {
            throw std::runtime_error(
                "the cache was prepared with other settings (" + cached.describe() + " for " +
                scan.name + "; this run wants " + settings.describe() +
                "): run logonet prepare with the same --spacing/--window/--modality as train");
        }
        (scan.split == "train" ? config.trainCases : config.validationCases).push_back(id);
    }
    if (config.trainCases.empty()) {
        throw std::runtime_error("no labeled scans in the training split of " + project.path());
    }
    return config;
}

#endif

}  // namespace logonet::cli
