#ifdef LOGONET_HAVE_STORAGE

#include "commands/TrainingPredictionStore.h"

#include <iostream>

#include "json/Json.h"

namespace logonet::cli {

PredictionStore::PredictionStore(Project& project, std::string runName, std::string checkpoint,
                                 size_t total, bool json)
    : project_(project),
      runName_(std::move(runName)),
      checkpoint_(std::move(checkpoint)),
      total_(total),
      json_(json) {}

void PredictionStore::started() const {
    if (!json_) {
        return;
    }
    Json started = Json::object();
    started["event"] = "started";
    started["total"] = Json(total_);
    started["checkpoint"] = checkpoint_;
    std::cout << started.dump() << std::endl;
}

int64_t PredictionStore::store(int64_t scanId, const LabelVolume& labels, double seconds,
                               const std::string& written) {
    const int64_t versionId = project_.addLabelVersion(scanId, "prediction", labels, runName_).id;
    ++done_;
    lastVersion_ = versionId;
    if (json_) {
        Json event = Json::object();
        event["event"] = "predicted";
        event["scan"] = Json(scanId);
        event["label_version"] = Json(versionId);
        event["seconds"] = seconds;
        event["done"] = Json(done_);
        event["total"] = Json(total_);
        std::cout << event.dump() << std::endl;
    } else {
        std::cout << "scan " << scanId << ": stored as label version " << versionId << " ("
                  << runName_ << ")" << (written.empty() ? "" : "; wrote " + written) << std::endl;
    }
    return versionId;
}

void PredictionStore::finished(const std::string& out) const {
    if (!json_) {
        return;
    }
    Json finished = Json::object();
    finished["event"] = "finished";
    finished["done"] = Json(done_);
    finished["label_version"] = Json(lastVersion_);
    finished["checkpoint"] = checkpoint_;
    if (!out.empty()) {
        finished["out"] = out;
    }
    std::cout << finished.dump() << std::endl;
}

}  // namespace logonet::cli

#endif
