#include "data/CaseSource.h"

namespace logonet::training {

HeldCaseSource::HeldCaseSource(std::vector<std::shared_ptr<const TrainingCase>> cases)
    : cases_(std::move(cases)) {}

}  // namespace logonet::training
