#pragma once

#include <atomic>
#include <string>
#include <vector>

#include "Command.h"
#include "json/Json.h"

namespace logonet::cli {

// The fine-tuning commands, one file each (TrainingXxxCommand.cpp).
Command trainCommand();
Command benchTrainCommand();
Command benchInferCommand();
#ifdef LOGONET_HAVE_STORAGE
Command prepareCommand();
Command inferCommand();
Command evaluateCommand();
Command demoCommand();
#endif

// Shows training events: JSON lines on stdout (`--progress json`, for the workstation) or a
// one-line progress bar on stderr for a person.
// A bar redrawn in place on a terminal; where stderr is a file or a pipe (a log, the
// workstation, a Slurm job), plain lines: the first step, every 5 % and the last.
class TrainingProgress {
  public:
    explicit TrainingProgress(bool json);
    void operator()(const Json& event);
    void finish();

  private:
    bool json_;
    bool terminal_;
    bool barOpen_ = false;
};

// Set by SIGINT/SIGTERM while training: the loop writes a checkpoint and stops.
std::atomic<bool>& stopRequested();
// Installs the SIGINT/SIGTERM handlers that set stopRequested().
void catchStopSignals();
// --stop-at-step N of train and pretrain (0 when not given); a usage error when negative.
int64_t stopAtStepOf(const CommandLine& line);

}  // namespace logonet::cli
