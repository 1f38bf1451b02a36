#pragma once

#include <torch/torch.h>

#include <string>

namespace logonet::model {

// Throws std::invalid_argument unless `input` is (B, channels, D, H, W) with every spatial size a
// positive multiple of `divisor`; the message names the network and what was given.
void checkNetworkInput(const torch::Tensor& input, const std::string& network, int64_t channels,
                       int64_t divisor);

}  // namespace logonet::model
