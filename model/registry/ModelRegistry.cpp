#include "registry/ModelRegistry.h"

#include <stdexcept>

namespace logonet::model {

// Replaced by the architectures as they land.
Network createNetwork(const std::string& architecture, const NetworkOptions&) {
    throw std::invalid_argument("unknown architecture '" + architecture + "'");
}

std::vector<std::string> knownArchitectures() {
    return {};
}

}  // namespace logonet::model
