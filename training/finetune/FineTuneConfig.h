#pragma once

#include <string>
#include <vector>

#include "cache/PreprocessSettings.h"
#include "finetune/TransferScope.h"
#include "json/Json.h"
#include "volume/Volume.h"

namespace logonet::training {

// Everything a fine-tuning run needs; stored as the run's config.json so that
// `logonet train --run DIR` can run (or resume) it anywhere the cache it names exists.
struct FineTuneConfig {
    std::string architecture = "logonet-tiny";
    Size3 crop{96, 96, 96};  // x, y, z voxels
    int64_t batch = 2;
    int64_t iterations = 1000;  // optimiser steps
    int64_t accumulation = 1;   // batches per optimiser step
    double learningRate = 1e-4;
    double weightDecay = 1e-5;
    int64_t warmupSteps = -1;  // -1: a tenth of the iterations, at most 100
    uint64_t seed = 0;
    int64_t validateEvery = 0;     // steps; 0: no validation
    int64_t checkpointEvery = 50;  // steps
    std::string device = "cpu";
    bool amp = false;
    bool checkpointing = false;
    int64_t threads = 0;  // 0: leave LibTorch's default
    double diceWeight = 1.0;
    double ceWeight = 1.0;
    double positiveFraction = 0.5;
    bool augment = true;
    double overlap = 0.5;  // of validation and inference windows

    std::string initFrom;  // checkpoint whose matching weights initialise the network
    TransferScope initScope = TransferScope::Branches;  // which of them (spec: both branches)
    std::string cacheDirectory;                         // relative to the run folder, or absolute
    PreprocessSettings preprocessing;
    std::vector<LabelValue> classValues{0};  // class c has label value classValues[c]
    std::vector<std::string> classNames{"background"};
    std::vector<std::string> trainCases;
    std::vector<std::string> validationCases;

    int64_t effectiveWarmup() const;
    Json toJson() const;
    // Throws JsonError naming the missing or malformed member.
    static FineTuneConfig fromJson(const Json& json);
};

}  // namespace logonet::training
