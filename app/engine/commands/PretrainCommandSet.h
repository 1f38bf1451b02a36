#pragma once

#include "Command.h"

namespace logonet::cli {

// The pre-training family, one file each (commands/Pretrain*.cpp).
Command benchKMeansCommand();
Command clusterCommand();
Command masksCommand();
Command pretrainCommand();
// `experiment pretraining` (commands/PretrainExperimentCommand.cpp).
Command experimentPretrainingCommand();

}  // namespace logonet::cli
