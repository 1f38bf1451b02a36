#pragma once

#include <string>
#include <vector>

#include "network/Network.h"

namespace logonet::model {

// Builds an architecture by name: "logonet", "logonet-large", "logonet-tiny", "ulkanet", "unet".
// Throws std::invalid_argument naming the unknown architecture and the known ones.
Network createNetwork(const std::string& architecture, const NetworkOptions& options);
std::vector<std::string> knownArchitectures();

}  // namespace logonet::model
