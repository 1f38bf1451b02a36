#pragma once

#include "Command.h"

namespace logonet::cli {

// `logonet bench depthwise`: the fast depthwise kernels against torch::conv3d, for accuracy
// (values and gradients) and speed, on the CPU or a GPU (ModelDepthwiseBenchCommand.cpp).
Command benchDepthwiseCommand();

}  // namespace logonet::cli
