#pragma once

#include <cstdint>

namespace logonet::training {

// Linear warm-up from baseLr / warmupSteps to baseLr, then a cosine decay to minLr at totalSteps.
// A pure function of the step, so a resumed run needs no schedule state.
class WarmupCosineSchedule {
  public:
    WarmupCosineSchedule(double baseLr, int64_t warmupSteps, int64_t totalSteps,
                         double minLr = 0.0);
    double at(int64_t step) const;  // step counts from 0

  private:
    double baseLr_;
    int64_t warmupSteps_;
    int64_t totalSteps_;
    double minLr_;
};

}  // namespace logonet::training
