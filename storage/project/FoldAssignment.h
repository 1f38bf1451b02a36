#pragma once

#include <cstdint>
#include <map>

#include "project/Project.h"

namespace logonet {

// Assigns the project's non-test scans to `folds` cross-validation folds (test scans get none):
// a seeded shuffle of the scan ids, dealt round-robin, so fold sizes differ by at most one and
// the same seed on the same scans always gives the same folds, on any platform (the shuffle is
// written out here, not std::shuffle, whose algorithm the standard leaves open). Returns scan id
// -> fold. Throws StorageError when folds < 2 or exceeds the number of non-test scans.
std::map<int64_t, int> assignFolds(Project& project, int folds, uint64_t seed);

}  // namespace logonet
