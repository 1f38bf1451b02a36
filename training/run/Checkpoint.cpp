#include "run/Checkpoint.h"

#include <filesystem>
#include <map>
#include <stdexcept>

#include "fs/DurableFile.h"
#include "run/TorchErrorLine.h"

namespace logonet::training {

namespace fs = std::filesystem;

namespace {

constexpr const char* kFormat = "logonet-checkpoint-1";

// Parameters then buffers, by their dotted names: the order and names the file records.
std::vector<std::pair<std::string, torch::Tensor>> namedState(model::NetworkImpl& network) {
    std::vector<std::pair<std::string, torch::Tensor>> state;
    for (const auto& item : network.named_parameters(true)) {
        state.emplace_back(item.key(), item.value());
    }
    for (const auto& item : network.named_buffers(true)) {
        state.emplace_back(item.key(), item.value());
    }
    return state;
}

struct OpenedCheckpoint {
    torch::serialize::InputArchive archive;
    Json header;
};

void openCheckpoint(const std::string& path, OpenedCheckpoint& opened) {
    if (!fs::exists(path)) {
        throw std::runtime_error(path + ": no such checkpoint");
    }
    try {
        opened.archive.load_from(path);
        c10::IValue header;
        if (!opened.archive.try_read("logonet_header", header) || !header.isString()) {
            throw std::runtime_error("not a LoGoNet checkpoint");
        }
        opened.header = Json::parse(header.toStringRef());
        if (opened.header.value("format", std::string()) != kFormat) {
            throw std::runtime_error("unknown checkpoint format");
        }
    } catch (const c10::Error& error) {
        throw std::runtime_error(path + ": corrupted or not a checkpoint (" +
                                 torchErrorLine(error) + ")");
    } catch (const JsonError& error) {
        throw std::runtime_error(path + ": corrupted checkpoint header (" + error.what() + ")");
    } catch (const std::runtime_error& error) {
        const std::string message = error.what();
        if (message.rfind(path, 0) == 0) {
            throw;
        }
        throw std::runtime_error(path + ": " + message);
    }
}

CheckpointInfo infoFrom(const Json& header) {
    CheckpointInfo info;
    info.architecture = header.at("architecture").asString();
    info.step = header.at("step").asInt();
    const Json& options = header.at("network_options");
    info.networkOptions.inChannels = options.at("in_channels").asInt();
    info.networkOptions.outChannels = options.at("out_channels").asInt();
    info.networkOptions.roi.clear();
    for (const auto& r : options.at("roi").asArray()) {
        info.networkOptions.roi.push_back(r.asInt());
    }
    if (header.contains("extra")) {
        info.extra = header.at("extra");
    }
    return info;
}

// The tensors of an opened checkpoint by name.
std::map<std::string, torch::Tensor> tensorsOf(OpenedCheckpoint& opened, const std::string& path) {
    std::map<std::string, torch::Tensor> tensors;
    const auto& names = opened.header.at("tensors").asArray();
    try {
        for (size_t n = 0; n < names.size(); ++n) {
            torch::Tensor tensor;
            opened.archive.read("t" + std::to_string(n), tensor);
            tensors[names[n].asString()] = tensor;
        }
    } catch (const c10::Error& error) {
        throw std::runtime_error(path + ": corrupted checkpoint (" + torchErrorLine(error) + ")");
    }
    return tensors;
}

}  // namespace

std::string PartialLoadReport::summary() const {
    return "loaded " + std::to_string(loaded.size()) + ", skipped " +
           std::to_string(skipped.size()) + ", new " + std::to_string(missing.size()) +
           (excluded.empty() ? "" : ", excluded " + std::to_string(excluded.size()));
}

void saveCheckpoint(const std::string& path, model::NetworkImpl& network,
                    torch::optim::Optimizer* optimizer, const CheckpointInfo& info) {
    torch::serialize::OutputArchive archive;
    Json header = Json::object();
    header["format"] = kFormat;
    header["architecture"] = info.architecture;
    header["step"] = Json(info.step);
    Json options = Json::object();
    options["in_channels"] = Json(info.networkOptions.inChannels);
    options["out_channels"] = Json(info.networkOptions.outChannels);
    Json roi = Json::array();
    for (const int64_t r : info.networkOptions.roi) {
        roi.push_back(Json(r));
    }
    options["roi"] = roi;
    header["network_options"] = options;
    header["extra"] = info.extra;
    Json names = Json::array();
    int64_t index = 0;
    for (const auto& [name, tensor] : namedState(network)) {
        names.push_back(name);
        archive.write("t" + std::to_string(index++), tensor.detach().to(torch::kCPU));
    }
    header["tensors"] = names;
    archive.write("logonet_header", c10::IValue(header.dump()));
    if (optimizer != nullptr) {
        torch::serialize::OutputArchive optimizerArchive;
        optimizer->save(optimizerArchive);
        archive.write("optimizer", optimizerArchive);
    }
    fs::create_directories(fs::path(path).parent_path());
    try {
        writeFileDurably(path, [&](const std::string& temporary) { archive.save_to(temporary); });
    } catch (const c10::Error& error) {
        throw std::runtime_error(path + ": cannot write checkpoint (" + torchErrorLine(error) +
                                 ")");
    }
}

CheckpointInfo readCheckpointInfo(const std::string& path) {
    OpenedCheckpoint opened;
    openCheckpoint(path, opened);
    try {
        return infoFrom(opened.header);
    } catch (const JsonError& error) {
        throw std::runtime_error(path + ": corrupted checkpoint header (" + error.what() + ")");
    }
}

CheckpointInfo loadCheckpoint(const std::string& path, model::NetworkImpl& network,
                              torch::optim::Optimizer* optimizer) {
    OpenedCheckpoint opened;
    openCheckpoint(path, opened);
    CheckpointInfo info;
    try {
        info = infoFrom(opened.header);
    } catch (const JsonError& error) {
        throw std::runtime_error(path + ": corrupted checkpoint header (" + error.what() + ")");
    }
    if (info.architecture != network.architecture()) {
        throw std::runtime_error(path + ": a checkpoint of architecture '" + info.architecture +
                                 "', not '" + network.architecture() + "'");
    }
    const auto tensors = tensorsOf(opened, path);
    torch::NoGradGuard noGrad;
    for (auto& [name, target] : namedState(network)) {
        const auto found = tensors.find(name);
        if (found == tensors.end()) {
            throw std::runtime_error(path + ": has no weight '" + name + "'");
        }
        if (found->second.sizes() != target.sizes()) {
            throw std::runtime_error(path + ": weight '" + name + "' has another shape");
        }
        target.copy_(found->second);
    }
    if (optimizer != nullptr) {
        torch::serialize::InputArchive optimizerArchive;
        try {
            if (opened.archive.try_read("optimizer", optimizerArchive)) {
                optimizer->load(optimizerArchive);
            }
        } catch (const c10::Error& error) {
            throw std::runtime_error(path + ": corrupted optimiser state (" +
                                     torchErrorLine(error) + ")");
        }
    }
    return info;
}

PartialLoadReport loadWeightsPartially(const std::string& path, model::NetworkImpl& network,
                                       const WeightSelection& select) {
    OpenedCheckpoint opened;
    openCheckpoint(path, opened);
    auto tensors = tensorsOf(opened, path);
    PartialLoadReport report;
    torch::NoGradGuard noGrad;
    for (auto& [name, target] : namedState(network)) {
        const auto found = tensors.find(name);
        if (found == tensors.end()) {
            report.missing.push_back(name);
            continue;
        }
        if (found->second.sizes() != target.sizes()) {
            report.skipped.push_back(name);
        } else if (select && !select(name)) {
            report.excluded.push_back(name);
        } else {
            target.copy_(found->second);
            report.loaded.push_back(name);
        }
        tensors.erase(found);
    }
    for (const auto& [name, tensor] : tensors) {
        report.skipped.push_back(name);
    }
    return report;
}

}  // namespace logonet::training
