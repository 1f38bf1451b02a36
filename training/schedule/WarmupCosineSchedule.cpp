#include "schedule/WarmupCosineSchedule.h"

#include <algorithm>
#include <cmath>

namespace logonet::training {

WarmupCosineSchedule::WarmupCosineSchedule(double baseLr, int64_t warmupSteps, int64_t totalSteps,
                                           double minLr)
    : baseLr_(baseLr),
      warmupSteps_(std::max<int64_t>(0, warmupSteps)),
      totalSteps_(std::max<int64_t>(1, totalSteps)),
      minLr_(minLr) {}

double WarmupCosineSchedule::at(int64_t step) const {
    if (step < warmupSteps_) {
        return baseLr_ * static_cast<double>(step + 1) / static_cast<double>(warmupSteps_);
    }
    const double span = static_cast<double>(std::max<int64_t>(1, totalSteps_ - warmupSteps_));
    const double progress = std::clamp(static_cast<double>(step - warmupSteps_) / span, 0.0, 1.0);
    return minLr_ + (baseLr_ - minLr_) * 0.5 * (1.0 + std::cos(M_PI * progress));
}

}  // namespace logonet::training
