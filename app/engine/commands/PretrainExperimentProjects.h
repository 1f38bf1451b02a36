#pragma once

#ifdef LOGONET_HAVE_STORAGE

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "commands/PretrainExperimentSize.h"

namespace logonet::cli {

// A project of generated phantoms in `dir` (empty or absent): `labeled` labeled ones seeded from
// `firstSeed`, the last `test` of them in the test split, and `unlabeled` unlabeled ones, each
// with its own scanner and contrast phase, prepared on the demo's coarse grid (3 x 3 x 4 mm),
// where a 32^3 crop holds an organ. Returns the project's folder.
std::string phantomExperimentProject(const std::filesystem::path& dir, int64_t labeled,
                                     int64_t test, uint64_t firstSeed, int64_t unlabeled);

// `logonet train` arguments of the experiment's one fine-tuning recipe (logonet-tiny, crop 32^3,
// batch 2, lr 3e-3, no intermediate checkpoints), the same for every arm.
std::vector<std::string> experimentTrainArguments(const std::string& projectDir,
                                                  const std::string& run, int64_t iterations,
                                                  int64_t seed, const std::string& threads);

// The experiment's upper bound, the `supervised` control: logonet-tiny trained with Dice +
// cross-entropy, the fine-tuning recipe for the pre-training's number of steps, on
// `size.supervisedCases` labeled phantoms of a project of its own in `dir` (none of them in the
// experiment's project). Fine-tuning from it shows what an initialisation that already knows the
// organs gives under the experiment's fine-tuning schedule. Returns the run's folder.
std::string supervisedInitRun(const std::filesystem::path& dir, const ExperimentSize& size);

}  // namespace logonet::cli

#endif
