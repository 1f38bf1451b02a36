#include "project/FoldAssignment.h"

#include <random>
#include <vector>

#include "database/StorageError.h"

namespace logonet {

std::map<int64_t, int> assignFolds(Project& project, int folds, uint64_t seed) {
    std::vector<int64_t> ids;
    std::vector<int64_t> testIds;
    for (const ScanRecord& scan : project.scans()) {
        (scan.split == "test" ? testIds : ids).push_back(scan.id);
    }
    if (folds < 2) {
        throw StorageError("a k-fold split needs at least 2 folds (got " + std::to_string(folds) +
                           ")");
    }
    if (static_cast<size_t>(folds) > ids.size()) {
        throw StorageError("cannot make " + std::to_string(folds) + " folds of " +
                           std::to_string(ids.size()) + " non-test scan(s) in project " +
                           project.path());
    }
    // Fisher-Yates with std::mt19937_64, whose output sequence the standard fixes.
    std::mt19937_64 random(seed);
    for (size_t n = ids.size(); n > 1; --n) {
        std::swap(ids[n - 1], ids[static_cast<size_t>(random() % n)]);
    }
    std::map<int64_t, int> assignment;
    for (size_t n = 0; n < ids.size(); ++n) {
        assignment[ids[n]] = static_cast<int>(n % static_cast<size_t>(folds));
    }
    Transaction transaction(project.database());
    for (const auto& [id, fold] : assignment) {
        project.setFold(id, fold);
    }
    for (const int64_t id : testIds) {
        project.setFold(id, -1);
    }
    transaction.commit();
    return assignment;
}

}  // namespace logonet
