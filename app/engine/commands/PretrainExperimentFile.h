#pragma once

#include <cstdint>
#include <string>

#include "json/Json.h"

namespace logonet::cli {

// <project>/experiments/pretraining.json: where `experiment pretraining` leaves its results for
// the workstation's Dice-vs-labeled-cases chart.
std::string pretrainingExperimentPath(const std::string& projectDir);

// Writes the experiment's results object (per labeled-case count: arms, paired_difference,
// pairs) with "seeds", "date" (ISO 8601, UTC), "quick" and "seconds" added, durably, creating
// the experiments folder; refuses symbolic links below the project. Returns the file's path.
std::string writePretrainingExperiment(const std::string& projectDir, Json results, int64_t seeds,
                                       bool quick, double seconds);

}  // namespace logonet::cli
