#pragma once

#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "cache/CachedCase.h"
#include "data/CaseSource.h"

namespace logonet::training {

// Cases read from a case cache folder when a crop needs them, the most recently used kept while
// they fit in a byte budget. Each case's size comes from its header alone, so opening the source
// reads no voxels; a missing or damaged case is reported (naming its file) when opened or drawn.
class CachedCaseSource : public CaseSource {
  public:
    using Convert = std::function<std::shared_ptr<const TrainingCase>(const CachedCase&)>;

    // Throws std::runtime_error naming the header of a case that is not in `cacheDirectory`.
    CachedCaseSource(std::string cacheDirectory, std::vector<std::string> ids, Convert convert,
                     int64_t budgetBytes);

    size_t count() const override { return ids_.size(); }
    std::string id(size_t index) const override { return ids_.at(index); }
    Size3 size(size_t index) const override { return sizes_.at(index); }
    std::shared_ptr<const TrainingCase> at(size_t index) const override;

    int64_t budgetBytes() const { return budget_; }
    // Bytes of the cases held now, and how many reads the source has made: what a test, a
    // benchmark or a run's summary can check the budget against.
    int64_t heldBytes() const;
    int64_t reads() const;

  private:
    struct Held {
        size_t index;
        std::shared_ptr<const TrainingCase> entry;
        int64_t bytes;
    };

    std::string directory_;
    std::vector<std::string> ids_;
    std::vector<Size3> sizes_;
    Convert convert_;
    int64_t budget_;
    mutable std::mutex mutex_;
    mutable std::list<Held> held_;  // most recently used first
    mutable int64_t heldBytes_ = 0;
    mutable int64_t reads_ = 0;
};

// What a case holds in memory as a crop sampler takes it: its voxels, classes and lists.
int64_t trainingCaseBytes(const TrainingCase& entry);

// The machine's physical memory in bytes (0 when the system does not say).
int64_t physicalMemoryBytes();

// A memory budget the user gave (bytes > 0), else the default: a quarter of the machine's memory.
int64_t memoryBudgetOr(int64_t bytes);

}  // namespace logonet::training
