#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "CommandLine.h"

namespace logonet::cli {

// The sizes of one experiment; --quick and the defaults differ only here, chosen before any
// result was seen (never tuned on the held-out cases).
struct ExperimentSize {
    std::vector<int64_t> counts{1, 2, 4};  // labeled cases per fine-tuning
    int64_t seeds = 3;
    int64_t unlabeled = 50;  // generated unlabeled phantoms
    int64_t heldOut = 6;     // generated held-out labeled phantoms
    int64_t clusterers = 10;
    // The spec's K range. 8-16 gave each 32-slice crop 1.1-1.5 distinct labels (85-98 % of its
    // slices the crop's majority label, measured on the unlabeled scans): labels of crops, not
    // of slices, so the pretext task asked which crop, not which anatomy (docs/BENCHMARKS.md).
    int64_t kMin = 80;
    int64_t kMax = 500;
    int64_t pretrainIterations = 400;
    int64_t fineTuneIterations = 300;
    std::vector<int64_t> controlCounts{1, 2};  // where the controls are fine-tuned
    // What tells what helps: no masking, one clusterer, shuffled pseudo-labels (each its own
    // pre-training) and the pre-trained encoders alone (decoders new: spec transfer's alternative).
    std::vector<std::string> controls{"no_masking", "one_clusterer", "shuffled_labels",
                                      "pretrained_encoders"};
    // Labeled phantoms the supervised control (opt-in) trains on, in a project of their own.
    int64_t supervisedCases = 8;
    std::string threads = "2";
};

// The experiment's size from --quick and the explicit options (--counts, --seeds, --controls,
// ...); a UsageError names what is wrong.
ExperimentSize experimentSizeFrom(const CommandLine& line);

}  // namespace logonet::cli
