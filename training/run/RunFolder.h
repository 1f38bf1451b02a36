#pragma once

#include <fstream>
#include <memory>
#include <string>

#include "json/Json.h"

namespace logonet::training {

// The folder of one training run:
//   config.json       everything needed to run it again (`logonet train --run DIR`)
//   events.jsonl      one JSON object per line: training steps, validations, notes
//   checkpoints/      last.pt and best.pt (written to a temporary file and renamed)
//   metrics.json      the final numbers; evaluation.json after `logonet evaluate`
class RunFolder {
  public:
    explicit RunFolder(std::string directory);

    const std::string& directory() const { return directory_; }
    std::string name() const;  // the folder's last component
    std::string configPath() const;
    std::string eventsPath() const;
    std::string lastCheckpointPath() const;
    std::string bestCheckpointPath() const;
    std::string metricsPath() const;
    std::string file(const std::string& name) const;

    bool hasConfig() const;
    // Throws std::runtime_error naming the folder when it holds no config.json.
    Json readConfig() const;
    void writeConfig(const Json& config) const;
    // Appends one line and flushes, so a reader (the workstation) sees each event at once.
    void appendEvent(const Json& event);
    // Drops events past `step` (left by a run that was killed after its last checkpoint), so
    // a resumed run's log reads as one run.
    void truncateEventsAfter(int64_t step) const;
    void writeMetrics(const Json& metrics) const;

  private:
    std::string directory_;
    std::unique_ptr<std::ofstream> events_;
};

}  // namespace logonet::training
