#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "data/TrainingCase.h"

namespace logonet::training {

// The cases a crop sampler draws from, by index. Whether they are all held in memory or read
// from the case cache when drawn is the source's business: a lab's few hundred prepared scans
// are tens of gigabytes, more than a workstation holds beside a network.
class CaseSource {
  public:
    virtual ~CaseSource() = default;
    virtual size_t count() const = 0;
    // The case's identifier and voxel size, known without reading its voxels.
    virtual std::string id(size_t index) const = 0;
    virtual Size3 size(size_t index) const = 0;
    // The case itself; the caller's pointer keeps it alive whatever the source does afterwards.
    virtual std::shared_ptr<const TrainingCase> at(size_t index) const = 0;
};

// Cases all held in memory: fine-tuning's few labeled cases, and tests.
class HeldCaseSource : public CaseSource {
  public:
    explicit HeldCaseSource(std::vector<std::shared_ptr<const TrainingCase>> cases);

    size_t count() const override { return cases_.size(); }
    std::string id(size_t index) const override { return cases_.at(index)->id; }
    Size3 size(size_t index) const override { return cases_.at(index)->image.size(); }
    std::shared_ptr<const TrainingCase> at(size_t index) const override { return cases_.at(index); }

  private:
    std::vector<std::shared_ptr<const TrainingCase>> cases_;
};

}  // namespace logonet::training
