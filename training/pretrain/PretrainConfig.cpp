#include "pretrain/PretrainConfig.h"

#include <stdexcept>

#include "run/RunFolder.h"

namespace logonet::training {

Json PretrainConfig::toJson() const {
    Json out = Json::object();
    // `command` tells a remote host which engine command runs this folder.
    out["command"] = "pretrain";
    out["kind"] = "pretraining";
    out["project"] = project;
    out["arch"] = architecture;
    out["out_channels"] = Json(outChannels);
    out["crop"] = Json(crop);
    out["axis"] = sliceAxisName(axis);
    Json sizes = Json::array();
    for (const int64_t k : clusterSizes) {
        sizes.push_back(Json(k));
    }
    out["cluster_sizes"] = sizes;
    out["tau"] = tau;
    out["phi1"] = phi1;
    out["mask_length"] = Json(maskLength);
    out["phi2"] = phi2;
    out["lr"] = learningRate;
    out["mask"] = mask;
    out["amp"] = amp;
    out["iterations"] = Json(iterations);
    out["batch"] = Json(batch);
    out["seed"] = Json(static_cast<int64_t>(seed));
    out["device"] = device;
    out["threads"] = Json(threads);
    out["optimizer"] = "AdamW wd 1e-5, warm-up + cosine";
    out["cache"] = cacheDirectory;
    Json list = Json::array();
    for (const auto& name : cases) {
        list.push_back(Json(name));
    }
    out["pretrain_cases"] = list;
    out["pseudo_labels"] = pseudoLabels;
    if (drawsRandomCrops()) {
        Json files = Json::array();
        for (const auto& name : centroids) {
            files.push_back(Json(name));
        }
        out["centroids"] = files;
    }
    out["shuffle_labels"] = shuffleLabels;
    return out;
}

PretrainConfig PretrainConfig::fromJson(const Json& json) {
    PretrainConfig c;
    c.architecture = json.at("arch").asString();
    c.outChannels = json.at("out_channels").asInt();
    c.crop = json.at("crop").asInt();
    try {
        c.axis = parseSliceAxis(json.value("axis", "axial"));
    } catch (const std::invalid_argument& error) {
        throw JsonError(std::string("axis: ") + error.what());
    }
    for (const auto& k : json.at("cluster_sizes").asArray()) {
        c.clusterSizes.push_back(k.asInt());
    }
    c.tau = json.value("tau", c.tau);
    c.phi1 = json.value("phi1", c.phi1);
    c.maskLength = json.value("mask_length", c.maskLength);
    c.phi2 = json.value("phi2", c.phi2);
    c.learningRate = json.value("lr", c.learningRate);
    c.mask = json.value("mask", c.mask);
    c.amp = json.value("amp", c.amp);
    c.iterations = json.at("iterations").asInt();
    c.batch = json.value("batch", c.batch);
    c.seed = static_cast<uint64_t>(json.value("seed", int64_t{0}));
    c.device = json.value("device", c.device);
    c.threads = json.value("threads", c.threads);
    c.project = json.value("project", std::string());
    c.cacheDirectory = json.at("cache").asString();
    for (const auto& name : json.at("pretrain_cases").asArray()) {
        c.cases.push_back(name.asString());
    }
    c.pseudoLabels = json.value("pseudo_labels", c.pseudoLabels);
    if (json.contains("centroids")) {
        for (const auto& name : json.at("centroids").asArray()) {
            c.centroids.push_back(name.asString());
        }
        if (c.centroids.size() != c.clusterSizes.size()) {
            throw JsonError("centroids must name one file per entry of cluster_sizes");
        }
    }
    c.shuffleLabels = json.value("shuffle_labels", c.shuffleLabels);
    if (c.clusterSizes.empty() || c.cases.empty()) {
        throw JsonError("cluster_sizes and pretrain_cases must not be empty");
    }
    if (!(c.phi1 >= 0.0 && c.phi1 <= 1.0 && c.phi2 >= 0.0 && c.phi2 <= 1.0) || c.maskLength < 1 ||
        !(c.tau > 0.0)) {
        throw JsonError("phi1 and phi2 must lie in [0, 1], mask_length and tau be positive");
    }
    if (c.crop < 8 || c.iterations < 1 || c.batch < 1 || c.outChannels < 1) {
        throw JsonError("crop, iterations, batch and out_channels must be positive");
    }
    return c;
}

PretrainConfig PretrainConfig::read(const std::string& runDirectory) {
    const RunFolder folder(runDirectory);
    const Json json = folder.readConfig();
    if (json.value("kind", std::string()) != "pretraining") {
        throw std::runtime_error(folder.configPath() +
                                 ": not a pre-training run (train it with `logonet train --run`)");
    }
    if (!json.contains("pretrain_cases")) {
        throw std::runtime_error(folder.configPath() +
                                 ": names no pre-training files (set up before runs were "
                                 "self-contained: set it up again with `logonet pretrain "
                                 "--project DIR --run NAME --setup-only`)");
    }
    try {
        return fromJson(json);
    } catch (const JsonError& error) {
        throw std::runtime_error(folder.configPath() + ": " + error.what());
    }
}

}  // namespace logonet::training
