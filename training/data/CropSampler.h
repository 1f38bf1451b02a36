#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <memory>
#include <random>
#include <vector>

#include "data/CaseSource.h"
#include "data/TrainingCase.h"

namespace logonet::training {

struct CropSamplerOptions {
    Size3 crop{96, 96, 96};         // voxels along x, y, z
    double positiveFraction = 0.5;  // share of crops centred on a labelled voxel (spec: 1:1)
    int64_t batch = 2;
    bool augment = true;  // flips (p 0.2 per axis), rot90 (p 0.2), intensity scale/shift (p 0.1)
    uint64_t seed = 0;
};

// One training crop and where it came from.
struct CropSample {
    torch::Tensor image;   // (1, Z, Y, X) float
    torch::Tensor labels;  // (Z, Y, X) int64 class indices
    int64_t caseIndex = 0;
    Size3 centre{0, 0, 0};
    bool positive = false;
};

struct TrainingBatch {
    int64_t index = 0;     // which batch of the run this is
    torch::Tensor image;   // (B, 1, Z, Y, X)
    torch::Tensor labels;  // (B, Z, Y, X)
};

// Draws the crops of a run. Every crop is a pure function of (seed, sample index): the case
// order is a fresh permutation per pass over the cases, and each crop has its own random engine.
// A resumed run therefore sees exactly the data an uninterrupted run would, with no state saved.
// Positive crops come at exactly the configured fraction (sample n is positive when
// floor((n + 1) f) > floor(n f)), centred on a voxel of a class drawn uniformly among the case's
// classes; cases smaller than the crop are zero-padded.
class CropSampler {
  public:
    // Throws std::invalid_argument when there are no cases or the crop is larger than every case.
    CropSampler(std::shared_ptr<const CaseSource> cases, CropSamplerOptions options);
    // Cases all held in memory.
    CropSampler(std::vector<std::shared_ptr<const TrainingCase>> cases, CropSamplerOptions options);

    CropSample sample(int64_t index) const;
    // Sample `index`'s crop taken from the given case instead of the one the order picks: for a
    // caller that visits the cases one at a time (clustering reads each case once).
    CropSample sampleFrom(size_t caseIndex, int64_t index) const;
    TrainingBatch batch(int64_t batchIndex) const;
    bool isPositive(int64_t index) const;
    const CropSamplerOptions& options() const { return options_; }
    size_t caseCount() const { return cases_->count(); }

  private:
    int64_t caseFor(int64_t index) const;
    Size3 pickCentre(const TrainingCase& entry, bool positive, std::mt19937_64& random) const;
    void augment(CropSample& sample, std::mt19937_64& random) const;

    std::shared_ptr<const CaseSource> cases_;
    CropSamplerOptions options_;
};

// A mixing of seed and index into an independent engine seed (splitmix64).
uint64_t mixSeed(uint64_t seed, uint64_t index);

}  // namespace logonet::training
