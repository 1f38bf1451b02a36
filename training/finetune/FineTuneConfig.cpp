#include "finetune/FineTuneConfig.h"

#include <algorithm>
#include <stdexcept>

namespace logonet::training {

namespace {

template <typename T>
Json listOf(const std::vector<T>& values) {
    Json out = Json::array();
    for (const auto& v : values) {
        out.push_back(Json(v));
    }
    return out;
}

std::vector<std::string> stringsOf(const Json& json) {
    std::vector<std::string> out;
    for (const auto& v : json.asArray()) {
        out.push_back(v.asString());
    }
    return out;
}

}  // namespace

int64_t FineTuneConfig::effectiveWarmup() const {
    return warmupSteps >= 0 ? warmupSteps : std::min<int64_t>(100, iterations / 10);
}

Json FineTuneConfig::toJson() const {
    Json out = Json::object();
    out["architecture"] = architecture;
    out["crop"] = Json(Json::Array{Json(crop[0]), Json(crop[1]), Json(crop[2])});
    out["batch"] = Json(batch);
    out["iterations"] = Json(iterations);
    out["accumulation"] = Json(accumulation);
    out["lr"] = learningRate;
    out["weight_decay"] = weightDecay;
    out["warmup_steps"] = Json(warmupSteps);
    out["seed"] = Json(static_cast<int64_t>(seed));
    out["val_every"] = Json(validateEvery);
    out["checkpoint_every"] = Json(checkpointEvery);
    out["device"] = device;
    out["amp"] = amp;
    out["checkpointing"] = checkpointing;
    out["threads"] = Json(threads);
    out["dice_weight"] = diceWeight;
    out["ce_weight"] = ceWeight;
    out["positive_fraction"] = positiveFraction;
    out["augment"] = augment;
    out["overlap"] = overlap;
    out["init"] = initFrom;
    out["init_scope"] = transferScopeName(initScope);
    out["cache"] = cacheDirectory;
    out["preprocessing"] = preprocessing.toJson();
    Json classes = Json::array();
    for (size_t c = 0; c < classValues.size(); ++c) {
        Json entry = Json::object();
        entry["value"] = Json(static_cast<int64_t>(classValues[c]));
        entry["name"] = c < classNames.size() ? classNames[c] : "label " + std::to_string(c);
        classes.push_back(entry);
    }
    out["classes"] = classes;
    out["train_cases"] = listOf(trainCases);
    out["val_cases"] = listOf(validationCases);
    return out;
}

FineTuneConfig FineTuneConfig::fromJson(const Json& json) {
    FineTuneConfig c;
    c.architecture = json.at("architecture").asString();
    const Json& crop = json.at("crop");
    if (crop.size() != 3) {
        throw JsonError("'crop' must hold 3 sizes");
    }
    for (size_t a = 0; a < 3; ++a) {
        c.crop[a] = crop[a].asInt();
    }
    c.batch = json.value("batch", c.batch);
    c.iterations = json.value("iterations", c.iterations);
    c.accumulation = json.value("accumulation", c.accumulation);
    c.learningRate = json.value("lr", c.learningRate);
    c.weightDecay = json.value("weight_decay", c.weightDecay);
    c.warmupSteps = json.value("warmup_steps", c.warmupSteps);
    c.seed = static_cast<uint64_t>(json.value("seed", int64_t{0}));
    c.validateEvery = json.value("val_every", c.validateEvery);
    c.checkpointEvery = json.value("checkpoint_every", c.checkpointEvery);
    c.device = json.value("device", c.device);
    c.amp = json.value("amp", c.amp);
    c.checkpointing = json.value("checkpointing", c.checkpointing);
    c.threads = json.value("threads", c.threads);
    c.diceWeight = json.value("dice_weight", c.diceWeight);
    c.ceWeight = json.value("ce_weight", c.ceWeight);
    c.positiveFraction = json.value("positive_fraction", c.positiveFraction);
    c.augment = json.value("augment", c.augment);
    c.overlap = json.value("overlap", c.overlap);
    c.initFrom = json.value("init", std::string());
    try {
        c.initScope = parseTransferScope(json.value("init_scope", transferScopeName(c.initScope)));
    } catch (const std::invalid_argument& error) {
        throw JsonError(std::string("'init_scope': ") + error.what());
    }
    c.cacheDirectory = json.at("cache").asString();
    c.preprocessing = PreprocessSettings::fromJson(json.at("preprocessing"));
    c.classValues.clear();
    c.classNames.clear();
    for (const auto& entry : json.at("classes").asArray()) {
        c.classValues.push_back(static_cast<LabelValue>(entry.at("value").asInt()));
        c.classNames.push_back(entry.value("name", std::string()));
    }
    if (c.classValues.empty() || c.classValues[0] != 0) {
        throw JsonError("'classes' must start with background (value 0)");
    }
    c.trainCases = stringsOf(json.at("train_cases"));
    c.validationCases = stringsOf(json.at("val_cases"));
    return c;
}

}  // namespace logonet::training
