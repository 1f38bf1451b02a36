#include "run/RunFolder.h"

#include <filesystem>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "fs/DurableFile.h"
#include "fs/NoFollowPath.h"

namespace logonet::training {

namespace fs = std::filesystem;

RunFolder::RunFolder(std::string directory) : directory_(std::move(directory)) {}

std::string RunFolder::name() const {
    fs::path path(directory_);
    if (!path.has_filename()) {
        path = path.parent_path();
    }
    return path.filename().string();
}

std::string RunFolder::file(const std::string& name) const {
    // Every file of the run is reached through here: none of them, nor checkpoints/, may be a
    // link (a run folder from elsewhere could point events.jsonl at ~/.bashrc).
    const std::string path = (fs::path(directory_) / name).string();
    refuseLinksBelow(directory_, path);
    return path;
}
std::string RunFolder::configPath() const {
    return file("config.json");
}
std::string RunFolder::eventsPath() const {
    return file("events.jsonl");
}
std::string RunFolder::lastCheckpointPath() const {
    return file("checkpoints/last.pt");
}
std::string RunFolder::bestCheckpointPath() const {
    return file("checkpoints/best.pt");
}
std::string RunFolder::metricsPath() const {
    return file("metrics.json");
}

bool RunFolder::hasConfig() const {
    return fs::exists(configPath());
}

Json RunFolder::readConfig() const {
    if (!hasConfig()) {
        throw std::runtime_error(directory_ + ": not a run folder (no config.json)");
    }
    return readJsonFile(configPath());
}

void RunFolder::writeConfig(const Json& config) const {
    fs::create_directories(fs::path(directory_) / "checkpoints");
    writeJsonFileAtomically(configPath(), config);
}

void RunFolder::appendEvent(const Json& event) {
    if (!events_) {
        fs::create_directories(directory_);
        events_ = std::make_unique<std::ofstream>(eventsPath(), std::ios::app);
        if (!*events_) {
            throw std::runtime_error(eventsPath() + ": cannot open for writing");
        }
    }
    *events_ << event.dump() << '\n';
    events_->flush();
}

void RunFolder::truncateEventsAfter(int64_t step) const {
    std::ifstream in(eventsPath());
    if (!in) {
        return;
    }
    std::vector<std::string> kept;
    std::string line;
    while (std::getline(in, line)) {
        try {
            const Json event = Json::parse(line);
            if (event.value("step", int64_t{-1}) > step) {
                continue;
            }
        } catch (const JsonError&) {
            continue;  // a line cut short by the kill
        }
        kept.push_back(line);
    }
    in.close();
    std::string text;
    for (const auto& k : kept) {
        text += k + '\n';
    }
    writeFileDurably(eventsPath(), text);
}

void RunFolder::writeMetrics(const Json& metrics) const {
    writeJsonFileAtomically(metricsPath(), metrics);
}

}  // namespace logonet::training
