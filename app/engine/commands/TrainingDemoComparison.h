#pragma once

#ifdef LOGONET_HAVE_STORAGE

#include <string>

#include "json/Json.h"

namespace logonet::cli {

// The two evaluations of `logonet demo --pretrain` (evaluation.json of the run fine-tuned from
// scratch and of the one initialised from pre-training), organ by organ.

// Organ, Dice mean +- sd without and with pre-training, and the change; the mean Dice last.
std::string diceComparisonTable(const Json& without, const Json& with);

// The plain demo's keys for the run without pre-training (mean_dice, per_class, classes, cases:
// the number of scans), and the same under "pretrained" for the run with it.
Json diceComparisonJson(const Json& without, const Json& with);

}  // namespace logonet::cli

#endif
