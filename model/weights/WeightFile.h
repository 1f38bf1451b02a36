#pragma once

#include <string>
#include <vector>

#include "network/Network.h"

namespace logonet::model {

// What a weight file says about the network it was saved from.
struct WeightMetadata {
    std::string architecture;
    NetworkOptions options;
    std::vector<std::string> tensorNames;  // parameters and buffers, in file order
};

// What loadMatching did, tensor by tensor.
struct LoadReport {
    std::vector<std::string> loaded;       // copied from the file
    std::vector<std::string> skipped;      // in the file, not used ("name (reason)")
    std::vector<std::string> initialised;  // in the network, not in the file: kept as initialised
    std::string summary() const;
};

// Writes every parameter and buffer of `network` with the architecture name and options
// (a torch::serialize archive holding a JSON metadata string).
void saveWeights(NetworkImpl& network, const std::string& path);

// Throws std::runtime_error naming the file when it is missing or not a weight file.
WeightMetadata readWeightMetadata(const std::string& path);

// Strict loading: the file must hold the same architecture and channel counts, and every tensor
// with the same shape. Errors name the file, what it holds and what the network is.
void loadWeights(NetworkImpl& network, const std::string& path);

// Partial loading (pre-trained branches into a fine-tuning model): copies every tensor whose
// name and shape match, except names starting with one of `excludePrefixes` (e.g. "head.").
LoadReport loadMatching(NetworkImpl& network, const std::string& path,
                        const std::vector<std::string>& excludePrefixes = {});

// Builds the network a weight file describes (through the registry) and loads it.
Network loadNetwork(const std::string& path, bool fastKernels = true);

}  // namespace logonet::model
