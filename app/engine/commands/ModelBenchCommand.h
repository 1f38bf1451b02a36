#pragma once

#include "Command.h"

namespace logonet::cli {

// `logonet bench forward`: the fast path against plain LibTorch layers (ModelBenchCommand.cpp).
Command benchForwardCommand();

}  // namespace logonet::cli
