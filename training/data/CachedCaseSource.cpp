#include "data/CachedCaseSource.h"

#include <unistd.h>

#include <stdexcept>

#include "cache/CaseCache.h"
#include "cache/GeometryJson.h"

namespace logonet::training {

CachedCaseSource::CachedCaseSource(std::string cacheDirectory, std::vector<std::string> ids,
                                   Convert convert, int64_t budgetBytes)
    : directory_(std::move(cacheDirectory)),
      ids_(std::move(ids)),
      convert_(std::move(convert)),
      budget_(budgetBytes) {
    const CaseCache cache(directory_);
    for (const std::string& id : ids_) {
        const auto header = cache.header(id);
        if (!header) {
            throw std::runtime_error(cache.headerPath(id) + ": no prepared case '" + id +
                                     "' (run logonet prepare)");
        }
        try {
            sizes_.push_back(geometryFromJson(header->at("geometry")).size);
        } catch (const std::exception& problem) {
            throw std::runtime_error(cache.headerPath(id) + ": " + problem.what());
        }
    }
}

std::shared_ptr<const TrainingCase> CachedCaseSource::at(size_t index) const {
    const std::lock_guard<std::mutex> lock(mutex_);
    for (auto held = held_.begin(); held != held_.end(); ++held) {
        if (held->index == index) {
            held_.splice(held_.begin(), held_, held);
            return held_.front().entry;
        }
    }
    // Read under the lock: two threads wanting the same case read it once, and the reads of a
    // batch loader and a training step never hold more than the budget between them.
    std::shared_ptr<const TrainingCase> entry =
        convert_(CaseCache(directory_).read(ids_.at(index)));
    ++reads_;
    const int64_t bytes = trainingCaseBytes(*entry);
    held_.push_front({index, entry, bytes});
    heldBytes_ += bytes;
    // The case just read stays even over budget: the caller is about to use it anyway.
    while (heldBytes_ > budget_ && held_.size() > 1) {
        heldBytes_ -= held_.back().bytes;
        held_.pop_back();
    }
    return entry;
}

int64_t CachedCaseSource::heldBytes() const {
    const std::lock_guard<std::mutex> lock(mutex_);
    return heldBytes_;
}

int64_t CachedCaseSource::reads() const {
    const std::lock_guard<std::mutex> lock(mutex_);
    return reads_;
}

int64_t trainingCaseBytes(const TrainingCase& entry) {
    int64_t bytes = static_cast<int64_t>(entry.image.voxels().size() * sizeof(float) +
                                         entry.classes.voxels().size() * sizeof(uint8_t) +
                                         entry.foreground.size() * sizeof(uint32_t));
    for (const auto& [value, voxels] : entry.classVoxels) {
        bytes += static_cast<int64_t>(voxels.size() * sizeof(uint32_t));
    }
    return bytes;
}

int64_t physicalMemoryBytes() {
    const long pages = sysconf(_SC_PHYS_PAGES);
    const long pageSize = sysconf(_SC_PAGE_SIZE);
    return pages > 0 && pageSize > 0 ? static_cast<int64_t>(pages) * pageSize : 0;
}

int64_t memoryBudgetOr(int64_t bytes) {
    return bytes > 0 ? bytes : physicalMemoryBytes() / 4;
}

}  // namespace logonet::training
