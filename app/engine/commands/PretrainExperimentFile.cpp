#include "commands/PretrainExperimentFile.h"

#ifdef LOGONET_HAVE_STORAGE

#include <filesystem>

#include "database/UtcTime.h"
#include "fs/NoFollowPath.h"

namespace logonet::cli {

std::string pretrainingExperimentPath(const std::string& projectDir) {
    return (std::filesystem::path(projectDir) / "experiments" / "pretraining.json").string();
}

std::string writePretrainingExperiment(const std::string& projectDir, Json results, int64_t seeds,
                                       bool quick, double seconds) {
    const std::string path = pretrainingExperimentPath(projectDir);
    // The project may live behind a link (the user's choice); nothing below it may.
    refuseLinksBelow(projectDir, path);
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    results["seeds"] = Json(seeds);
    results["date"] = Json(utcNow());
    results["quick"] = Json(quick);
    results["seconds"] = Json(seconds);
    writeJsonFileAtomically(path, results);
    return path;
}

}  // namespace logonet::cli

#endif
