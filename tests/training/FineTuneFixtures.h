#pragma once

// What the fine-tuning and distributed tests share: synthetic prepared cases, the tiny network
// factory and reading a checkpoint's weights back.

#include <torch/torch.h>

#include <string>
#include <vector>

#include "TinyTestNetwork.h"
#include "cache/CaseCache.h"
#include "cache/CasePreparation.h"
#include "finetune/FineTuneConfig.h"
#include "run/Checkpoint.h"

namespace fixtures {

// A body box (3 voxels inside the x and y borders, 2 inside z) with two labelled blocks (values
// 2 and 6), moved by `shift` voxels.
inline logonet::CachedCase syntheticCase(const std::string& id, int shift,
                                         logonet::Size3 size = {40, 36, 24}) {
    using namespace logonet;
    ImageGeometry g;
    g.size = size;
    g.spacing = {1.5, 1.5, 2.0};
    ImageVolume image(g, -1000.0f);
    LabelVolume labels(g, 0);
    for (int64_t k = 2; k < size[2] - 2; ++k) {
        for (int64_t j = 3; j < size[1] - 3; ++j) {
            for (int64_t i = 3; i < size[0] - 3; ++i) {
                image.at(i, j, k) = 0.0f;
                if (i >= 8 + shift && i < 16 + shift && j >= 8 && j < 18 && k >= 6 && k < 14) {
                    labels.at(i, j, k) = 2;
                    image.at(i, j, k) = 150.0f;
                }
                if (i >= 22 && i < 30 && j >= 20 - shift && j < 28 - shift && k >= 8 && k < 16) {
                    labels.at(i, j, k) = 6;
                    image.at(i, j, k) = -100.0f;
                }
            }
        }
    }
    return prepareCase(id, image, labels, PreprocessSettings{});
}

// Cases "a", "b", "c", ... with shifts 0, 3, 6, ... written to a cache folder.
inline void writeSyntheticCache(const std::string& folder, int count,
                                logonet::Size3 size = {40, 36, 24}) {
    const logonet::CaseCache cache(folder);
    for (int n = 0; n < count; ++n) {
        cache.write(syntheticCase(std::string(1, static_cast<char>('a' + n)), 3 * n, size));
    }
}

// The label set of the synthetic cases.
inline void setSyntheticLabels(logonet::training::FineTuneConfig& config) {
    config.classValues = {0, 2, 6};
    config.classNames = {"background", "kidney", "liver"};
}

// The tiny-test network on 16^3 crops of cases "a" and "b": 30 steps, a checkpoint every 5.
inline logonet::training::FineTuneConfig tinyConfig(const std::string& cacheDir) {
    logonet::training::FineTuneConfig config;
    config.architecture = "tiny-test";
    config.crop = {16, 16, 16};
    config.batch = 2;
    config.iterations = 30;
    config.learningRate = 1e-2;
    config.warmupSteps = 2;
    config.checkpointEvery = 5;
    config.augment = false;
    config.seed = 7;
    config.cacheDirectory = cacheDir;
    setSyntheticLabels(config);
    config.trainCases = {"a", "b"};
    return config;
}

inline logonet::model::Network tinyFactory(const logonet::training::FineTuneConfig& config) {
    return std::make_shared<TinyTestNetworkImpl>(static_cast<int64_t>(config.classValues.size()));
}

// The parameters stored in a checkpoint of the tiny network with `classes` classes.
inline std::vector<torch::Tensor> weightsOf(const std::string& checkpoint, int64_t classes) {
    auto network = std::make_shared<TinyTestNetworkImpl>(classes);
    logonet::training::loadCheckpoint(checkpoint, *network, nullptr);
    std::vector<torch::Tensor> out;
    for (const auto& p : network->parameters()) {
        out.push_back(p.detach().clone());
    }
    return out;
}

}  // namespace fixtures
