#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

#include "json/Json.h"
#include "pretrain/PretrainConfig.h"

namespace logonet::training {

struct PretrainResult {
    int64_t steps = 0;
    bool stopped = false;  // by the stop flag, after a checkpoint
    double finalLoss = 0.0;
    double seconds = 0.0;
    Json pretext;  // PretextAccuracy::toJson(), null without held-out scans
};

// How many of `cases` pre-training scans are held out for the pretext accuracy: none below
// three, else a fifth (at least one). They are the last ones of the config's list.
int64_t heldOutScans(int64_t cases);

// One pre-training run folder trained from its own files (PretrainFiles.h): loads the crops and
// pseudo-labels its config names, draws batches, steps the Pretrainer and writes events.jsonl,
// checkpoints/last.pt and best.pt (the network's branches, which `train --init RUNDIR` loads)
// and checkpoints/pretrain_state.pt (everything --resume needs).
class PretrainingRun {
  public:
    using Emit = std::function<void(const Json&)>;

    PretrainingRun(PretrainConfig config, std::string runDirectory);

    // Resumes from the last checkpoint when `resume` and one exists. A set `stop` ends the run
    // after a checkpoint. Throws std::runtime_error naming a missing or malformed file.
    PretrainResult run(bool resume, const Emit& emit, const std::atomic<bool>* stop);
    // Ends the run after step `step` as `stop` would, with the schedule of config.iterations: a
    // testing aid (a long run stopped at a known step whatever the machine's speed). 0: none.
    void setStopAtStep(int64_t step) { stopAtStep_ = step; }
    // Most bytes of prepared cases held in memory at once (0: a quarter of the machine's memory);
    // the others are read from the case cache when a crop needs them. A run-time choice, never
    // one the run folder makes.
    void setCaseMemory(int64_t bytes) { caseMemoryBytes_ = bytes; }

  private:
    PretrainConfig config_;
    std::string runDirectory_;
    int64_t stopAtStep_ = 0;
    int64_t caseMemoryBytes_ = 0;
};

}  // namespace logonet::training
