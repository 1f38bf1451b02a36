#include "weights/WeightFile.h"

#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

#include "fs/DurableFile.h"
#include "json/Json.h"
#include "registry/ModelRegistry.h"

namespace logonet::model {
namespace {

constexpr const char* metadataKey = "logonet_metadata";
constexpr const char* formatName = "logonet-weights";

// Parameters and buffers by their dotted names (global.encoder.stages.0...).
std::vector<std::pair<std::string, torch::Tensor>> namedTensors(NetworkImpl& network) {
    std::vector<std::pair<std::string, torch::Tensor>> tensors;
    for (const auto& item : network.named_parameters()) {
        tensors.emplace_back(item.key(), item.value());
    }
    for (const auto& item : network.named_buffers()) {
        tensors.emplace_back(item.key(), item.value());
    }
    return tensors;
}

// Archive keys cannot hold dots; tensors are stored by index and named in the metadata.
std::string tensorKey(size_t index) {
    return "t" + std::to_string(index);
}

std::string describe(const std::string& architecture, const NetworkOptions& options) {
    return architecture + " (in " + std::to_string(options.inChannels) + ", out " +
           std::to_string(options.outChannels) + ")";
}

std::string shapeText(const torch::Tensor& tensor) {
    std::ostringstream text;
    text << tensor.sizes();
    return text.str();
}

struct WeightFileContent {
    WeightMetadata metadata;
    std::map<std::string, torch::Tensor> tensors;
};

WeightFileContent readWeightFile(const std::string& path, bool withTensors) {
    if (!std::ifstream(path).good()) {
        throw std::runtime_error(path + ": cannot open the weight file");
    }
    torch::serialize::InputArchive archive;
    c10::IValue metadataValue;
    try {
        archive.load_from(path);
        if (!archive.try_read(metadataKey, metadataValue) || !metadataValue.isString()) {
            throw std::runtime_error("no metadata");
        }
    } catch (const std::exception&) {
        throw std::runtime_error(path + ": not a LoGoNet weight file");
    }
    WeightFileContent content;
    WeightMetadata& metadata = content.metadata;
    try {
        const Json json = Json::parse(metadataValue.toStringRef());
        if (json.value("format", "") != formatName) {
            throw std::runtime_error("wrong format");
        }
        metadata.architecture = json.at("architecture").asString();
        metadata.options.inChannels = json.at("inChannels").asInt();
        metadata.options.outChannels = json.at("outChannels").asInt();
        metadata.options.roi.clear();
        for (const Json& size : json.at("roi").asArray()) {
            metadata.options.roi.push_back(size.asInt());
        }
        for (const Json& name : json.at("tensors").asArray()) {
            metadata.tensorNames.push_back(name.asString());
        }
    } catch (const std::exception& error) {
        throw std::runtime_error(path + ": unreadable weight file metadata (" + error.what() + ")");
    }
    if (withTensors) {
        for (size_t i = 0; i < metadata.tensorNames.size(); ++i) {
            torch::Tensor tensor;
            if (!archive.try_read(tensorKey(i), tensor)) {
                throw std::runtime_error(path + ": tensor '" + metadata.tensorNames[i] +
                                         "' is missing (truncated file?)");
            }
            content.tensors[metadata.tensorNames[i]] = tensor;
        }
    }
    return content;
}

}  // namespace

std::string LoadReport::summary() const {
    return std::to_string(loaded.size()) + " loaded, " + std::to_string(skipped.size()) +
           " skipped, " + std::to_string(initialised.size()) + " newly initialised";
}

void saveWeights(NetworkImpl& network, const std::string& path) {
    const auto tensors = namedTensors(network);
    const NetworkOptions options = network.options();
    Json metadata = Json::object();
    metadata["format"] = formatName;
    metadata["version"] = 1;
    metadata["architecture"] = network.architecture();
    metadata["inChannels"] = options.inChannels;
    metadata["outChannels"] = options.outChannels;
    Json roi = Json::array();
    for (int64_t size : options.roi) {
        roi.push_back(size);
    }
    metadata["roi"] = roi;
    Json names = Json::array();
    torch::serialize::OutputArchive archive;
    for (size_t i = 0; i < tensors.size(); ++i) {
        names.push_back(tensors[i].first);
        // Detached CPU copies: a file written from a GPU model loads anywhere.
        archive.write(tensorKey(i), tensors[i].second.detach().to(torch::kCPU));
    }
    metadata["tensors"] = names;
    archive.write(metadataKey, c10::IValue(metadata.dump()));
    try {
        writeFileDurably(path, [&](const std::string& temporary) { archive.save_to(temporary); });
    } catch (const std::exception&) {
        throw std::runtime_error(path + ": cannot write the weight file");
    }
}

WeightMetadata readWeightMetadata(const std::string& path) {
    return readWeightFile(path, false).metadata;
}

void loadWeights(NetworkImpl& network, const std::string& path) {
    WeightFileContent content = readWeightFile(path, true);
    const WeightMetadata& metadata = content.metadata;
    const NetworkOptions options = network.options();
    if (metadata.architecture != network.architecture() ||
        metadata.options.inChannels != options.inChannels ||
        metadata.options.outChannels != options.outChannels) {
        throw std::runtime_error(
            path + ": holds " + describe(metadata.architecture, metadata.options) +
            " weights, but the model is " + describe(network.architecture(), options));
    }
    torch::NoGradGuard noGrad;
    for (auto& [name, tensor] : namedTensors(network)) {
        const auto found = content.tensors.find(name);
        if (found == content.tensors.end()) {
            throw std::runtime_error(path + ": has no tensor '" + name + "' for " +
                                     network.architecture());
        }
        if (!found->second.sizes().equals(tensor.sizes())) {
            throw std::runtime_error(path + ": tensor '" + name + "' is " +
                                     shapeText(found->second) + ", the model needs " +
                                     shapeText(tensor));
        }
        tensor.copy_(found->second);
    }
}

LoadReport loadMatching(NetworkImpl& network, const std::string& path,
                        const std::vector<std::string>& excludePrefixes) {
    WeightFileContent content = readWeightFile(path, true);
    const auto excluded = [&](const std::string& name) {
        for (const auto& prefix : excludePrefixes) {
            if (name.rfind(prefix, 0) == 0) {
                return true;
            }
        }
        return false;
    };
    LoadReport report;
    std::map<std::string, bool> used;
    torch::NoGradGuard noGrad;
    for (auto& [name, tensor] : namedTensors(network)) {
        const auto found = content.tensors.find(name);
        if (found == content.tensors.end() || excluded(name)) {
            report.initialised.push_back(name);
            continue;
        }
        if (!found->second.sizes().equals(tensor.sizes())) {
            report.initialised.push_back(name);
            report.skipped.push_back(name + " (file " + shapeText(found->second) + ", model " +
                                     shapeText(tensor) + ")");
            used[name] = true;
            continue;
        }
        tensor.copy_(found->second);
        report.loaded.push_back(name);
        used[name] = true;
    }
    for (const auto& name : content.metadata.tensorNames) {
        if (used.count(name) == 0) {
            report.skipped.push_back(name + (excluded(name) ? " (excluded)" : " (not in model)"));
        }
    }
    return report;
}

Network loadNetwork(const std::string& path, bool fastKernels) {
    WeightMetadata metadata = readWeightMetadata(path);
    NetworkOptions options = metadata.options;
    options.fastKernels = fastKernels;
    Network network = createNetwork(metadata.architecture, options);
    loadWeights(*network, path);
    return network;
}

}  // namespace logonet::model
