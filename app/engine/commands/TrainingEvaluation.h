#pragma once

#ifdef LOGONET_HAVE_STORAGE

#include <functional>
#include <string>

#include "inference/RunInference.h"
#include "json/Json.h"
#include "project/Project.h"

namespace logonet::cli {

struct RunEvaluation {
    // What evaluation.json holds: mean_dice, per_class, classes (Dice and HD95 mean and sd per
    // organ), cases, split, run, checkpoint.
    Json result;
    std::string table;  // the per-organ table for a person
    int cases = 0;      // scans scored
};

// Predicts every labeled scan of `split` with a run, stores the predictions as label versions,
// scores them on the scans' own grids, and writes evaluation.json to the run folder and the
// scores to the project database. `scored` (may be empty) hears each scan's name once scored,
// with the scans scored so far and the scans to score. Throws std::runtime_error when the split
// holds no labeled scan.
using ScanScored = std::function<void(const std::string& name, int done, int total)>;
RunEvaluation evaluateRun(Project& project, const std::string& runDirectory,
                          const std::string& split, const training::RunInferenceOptions& options,
                          const ScanScored& scored = {});

}  // namespace logonet::cli

#endif
