#include "analysis/NetworkCost.h"

#include <fstream>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <map>
#include <sstream>
#include <stdexcept>

#include "blocks/CountedConv.h"

namespace logonet::model {
namespace {

std::string partOf(const std::string& name) {
    for (const char* part : {"global.encoder", "global.decoder"}) {
        if (name.rfind(std::string(part) + ".", 0) == 0) {
            return part;
        }
    }
    return name.substr(0, name.find('.'));
}

void checkRoi(const NetworkImpl& network, const std::vector<int64_t>& roi) {
    const int64_t divisor = network.sizeDivisor();
    bool valid = roi.size() == 3;
    for (int64_t size : roi) {
        valid = valid && size > 0 && size % divisor == 0;
    }
    if (!valid) {
        std::ostringstream message;
        message << network.architecture() << " needs a crop of three sizes divisible by " << divisor
                << "; got ";
        for (size_t i = 0; i < roi.size(); ++i) {
            message << (i ? "x" : "") << roi[i];
        }
        throw std::invalid_argument(message.str());
    }
}

// Resident and peak resident memory of this process in bytes (/proc/self/status).
bool readResidentMemory(int64_t& resident, int64_t& peak) {
    std::ifstream status("/proc/self/status");
    std::string line;
    resident = peak = -1;
    while (std::getline(status, line)) {
        std::istringstream fields(line);
        std::string key;
        int64_t kilobytes = 0;
        fields >> key >> kilobytes;
        if (key == "VmRSS:") {
            resident = kilobytes * 1024;
        } else if (key == "VmHWM:") {
            peak = kilobytes * 1024;
        }
    }
    return resident >= 0 && peak >= 0;
}

class TrainingModeRestorer {
  public:
    explicit TrainingModeRestorer(NetworkImpl& network)
        : network_(network), training_(network.is_training()) {}
    ~TrainingModeRestorer() { network_.train(training_); }

  private:
    NetworkImpl& network_;
    bool training_;
};

}  // namespace

int64_t countParameters(const torch::nn::Module& module) {
    int64_t count = 0;
    for (const auto& parameter : module.parameters()) {
        count += parameter.numel();
    }
    return count;
}

std::vector<ParameterPart> parameterParts(const torch::nn::Module& network) {
    std::vector<ParameterPart> parts;
    std::map<std::string, size_t> index;
    for (const auto& item : network.named_parameters()) {
        const std::string part = partOf(item.key());
        if (index.count(part) == 0) {
            index[part] = parts.size();
            parts.push_back({part, 0});
        }
        parts[index[part]].parameters += item.value().numel();
    }
    return parts;
}

int64_t measureConvolutionMacs(NetworkImpl& network, const std::vector<int64_t>& roi) {
    checkRoi(network, roi);
    const int64_t divisor = network.sizeDivisor();
    TrainingModeRestorer restore(network);
    network.eval();
    torch::NoGradGuard noGrad;
    const auto parameter = network.parameters().front();
    network.forward(torch::zeros({1, network.options().inChannels, divisor, divisor, divisor},
                                 parameter.options()));
    int64_t macs = 0;
    for (const auto& module : network.modules(/*include_self=*/false)) {
        if (const auto* counting = dynamic_cast<const MacCounting*>(module.get())) {
            macs += counting->lastMacs();
        }
    }
    for (int64_t size : roi) {
        macs *= size / divisor;
    }
    return macs;
}

int64_t measureTrainingStepMemory(NetworkImpl& network, const std::vector<int64_t>& roi) {
    checkRoi(network, roi);
    TrainingModeRestorer restore(network);
    network.train();
    const auto parameter = network.parameters().front();
    torch::Tensor input = torch::randn({1, network.options().inChannels, roi[0], roi[1], roi[2]},
                                       parameter.options());
    for (auto& p : network.parameters()) {
        p.mutable_grad() = torch::Tensor();
    }
#if defined(__GLIBC__)
    // Hand freed heap pages back first, or the step could reuse them unseen by the peak.
    malloc_trim(0);
#endif
    int64_t before = 0;
    int64_t peak = 0;
    // Writing 5 to clear_refs resets the peak resident size (Linux 4.0+).
    {
        std::ofstream clear("/proc/self/clear_refs");
        clear << "5";
        if (!clear.good()) {
            return -1;
        }
    }
    if (!readResidentMemory(before, peak)) {
        return -1;
    }
    network.forward(input).square().mean().backward();
    int64_t after = 0;
    if (!readResidentMemory(after, peak)) {
        return -1;
    }
    for (auto& p : network.parameters()) {
        p.mutable_grad() = torch::Tensor();
    }
    return peak - before;
}

}  // namespace logonet::model
