#include "finetune/TransferScope.h"

#include <stdexcept>

namespace logonet::training {

TransferScope parseTransferScope(const std::string& name) {
    if (name == "branches") {
        return TransferScope::Branches;
    }
    if (name == "encoders") {
        return TransferScope::Encoders;
    }
    throw std::invalid_argument("unknown transfer scope '" + name + "' (branches or encoders)");
}

std::string transferScopeName(TransferScope scope) {
    return scope == TransferScope::Encoders ? "encoders" : "branches";
}

bool transfersTensor(TransferScope scope, const std::string& name) {
    if (scope == TransferScope::Branches) {
        return true;
    }
    // A module named "encoder" at any depth: "global.encoder." and "local.3.encoder.".
    return name.rfind("encoder.", 0) == 0 || name.find(".encoder.") != std::string::npos;
}

}  // namespace logonet::training
