#include "finetune/PretrainedInit.h"

#include <stdexcept>

namespace logonet::training {

namespace {

bool isHeadTensor(const std::string& name) {
    return name.rfind("head.", 0) == 0;
}

std::string describe(const std::string& architecture, const model::NetworkOptions& options) {
    std::string text = architecture + " (in " + std::to_string(options.inChannels) + ", out " +
                       std::to_string(options.outChannels) + ", roi";
    for (const int64_t size : options.roi) {
        text += " " + std::to_string(size);
    }
    return text + ")";
}

Json names(const std::vector<std::string>& list) {
    Json out = Json::array();
    for (const auto& name : list) {
        out.push_back(Json(name));
    }
    return out;
}

}  // namespace

PartialLoadReport loadInitialWeights(const std::string& path, model::NetworkImpl& network,
                                     TransferScope scope) {
    const CheckpointInfo info = readCheckpointInfo(path);
    const std::string ours = describe(network.architecture(), network.options());
    const std::string theirs = describe(info.architecture, info.networkOptions);
    if (info.architecture != network.architecture()) {
        throw std::runtime_error("--init " + path + ": a checkpoint of " + theirs +
                                 ", but this run trains " + ours + ": architectures differ");
    }
    const PartialLoadReport report = loadWeightsPartially(
        path, network, [scope](const std::string& name) { return transfersTensor(scope, name); });
    for (const auto& name : report.skipped) {
        if (!isHeadTensor(name)) {
            throw std::runtime_error("--init " + path + ": tensor " + name +
                                     " does not fit; the checkpoint is of " + theirs +
                                     ", this run trains " + ours);
        }
    }
    if (report.loaded.empty()) {
        throw std::runtime_error("--init " + path + ": no tensor of " + theirs +
                                 " matches this run's " + ours + " (" + report.summary() + ")");
    }
    return report;
}

Json initReportJson(const std::string& path, TransferScope scope, const PartialLoadReport& report) {
    return Json(Json::Object{{"from", path},
                             {"scope", transferScopeName(scope)},
                             {"summary", report.summary()},
                             {"loaded", names(report.loaded)},
                             {"skipped", names(report.skipped)},
                             {"new", names(report.missing)},
                             {"excluded", names(report.excluded)}});
}

}  // namespace logonet::training
