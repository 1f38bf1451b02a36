#pragma once

#include <torch/torch.h>

#include <string>
#include <vector>

#include "network/Network.h"

namespace logonet::model {

struct ParameterPart {
    std::string name;  // "global.encoder", "global.decoder", "local", "head", ...
    int64_t parameters = 0;
};

int64_t countParameters(const torch::nn::Module& module);

// Parameters grouped by weight-name prefix: the global branch's encoder and decoder, the local
// branches together, the head; other networks by their first name component.
std::vector<ParameterPart> parameterParts(const torch::nn::Module& network);

// Multiply-accumulates of every convolution in one forward pass of one crop of size `roi`
// (batch 1). Measured, not estimated: the network runs once (eval mode, no gradients) on the
// smallest valid input of sizeDivisor()^3 while each convolution records its cost; every feature
// map scales with the input, so the sum scales exactly to `roi`. Throws std::invalid_argument
// when `roi` is not a valid input size.
int64_t measureConvolutionMacs(NetworkImpl& network, const std::vector<int64_t>& roi);

// Peak memory added by one training step (forward + backward of a batch-1 crop, gradients
// included) on the CPU, in bytes, from the process's peak resident size (Linux /proc). Returns -1
// where the peak cannot be reset and read.
int64_t measureTrainingStepMemory(NetworkImpl& network, const std::vector<int64_t>& roi);

}  // namespace logonet::model
