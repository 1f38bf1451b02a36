#include "registry/ModelRegistry.h"

#include <memory>
#include <stdexcept>

#include "baselines/ResidualUNet.h"
#include "logonet/LoGoNet.h"

namespace logonet::model {
namespace {

LoGoNetOptions logonetPreset(const std::string& name, const NetworkOptions& options) {
    LoGoNetOptions preset;
    preset.architecture = name;
    preset.inChannels = options.inChannels;
    preset.outChannels = options.outChannels;
    preset.roi = options.roi;
    preset.fast = options.fastKernels;
    if (name == "logonet-large") {
        preset.dims = {96, 192, 384, 768};
        preset.depths = {3, 3, 24, 3};
    } else if (name == "logonet-tiny") {
        // Small enough for CPU demos and tests; keeps the four stages (sizes divisible by 32).
        preset.dims = {8, 16, 32, 64};
        preset.depths = {1, 1, 1, 1};
        preset.mlpRatios = {4, 4, 2, 2};
    } else if (name == "ulkanet") {
        preset.localSplit = false;
    }
    return preset;
}

void checkOptions(const std::string& name, const NetworkOptions& options) {
    if (options.inChannels < 1 || options.outChannels < 1) {
        throw std::invalid_argument(name + ": input and output channels must be at least 1 (got " +
                                    std::to_string(options.inChannels) + " and " +
                                    std::to_string(options.outChannels) + ")");
    }
}

}  // namespace

Network createNetwork(const std::string& architecture, const NetworkOptions& options) {
    checkOptions(architecture, options);
    if (architecture == "logonet" || architecture == "logonet-large" ||
        architecture == "logonet-tiny" || architecture == "ulkanet") {
        return std::make_shared<LoGoNetImpl>(logonetPreset(architecture, options));
    }
    if (architecture == "unet") {
        ResidualUNetOptions unet;
        unet.inChannels = options.inChannels;
        unet.outChannels = options.outChannels;
        unet.roi = options.roi;
        unet.fast = options.fastKernels;
        return std::make_shared<ResidualUNetImpl>(unet);
    }
    std::string known;
    for (const auto& name : knownArchitectures()) {
        known += (known.empty() ? "" : ", ") + name;
    }
    throw std::invalid_argument("unknown architecture '" + architecture + "' (known: " + known +
                                ")");
}

std::vector<std::string> knownArchitectures() {
    return {"logonet", "logonet-large", "logonet-tiny", "ulkanet", "unet"};
}

}  // namespace logonet::model
