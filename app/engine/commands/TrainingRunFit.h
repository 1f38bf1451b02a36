#pragma once

#ifdef LOGONET_HAVE_STORAGE

#include <string>

#include "finetune/FineTuneConfig.h"
#include "project/Project.h"

namespace logonet::cli {

// Refuses (std::runtime_error naming both label sets) a run whose classes are not the project's
// labels: its predictions would be stored under the wrong organ names, or refused only after
// minutes of predicting. Names are compared without case, so a label renamed "Liver" still fits.
void checkRunFitsProject(const training::FineTuneConfig& run, const std::string& runName,
                         const Project& project);

}  // namespace logonet::cli

#endif
