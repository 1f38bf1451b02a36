#pragma once

#include <string>

#include "finetune/TransferScope.h"
#include "json/Json.h"
#include "network/Network.h"
#include "run/Checkpoint.h"

namespace logonet::training {

// Starts fine-tuning from another run's checkpoint (`train --init`): the tensors of `scope`
// whose names and shapes match are copied; the segmentation head ("head.") may differ (another
// run's classes, or a pre-training run that has none). Refuses, naming both, a checkpoint of
// another architecture, one whose branch tensors have other shapes (another width, depth or
// crop) and one that matches nothing: a silent fresh start would pass for a transfer.
PartialLoadReport loadInitialWeights(const std::string& path, model::NetworkImpl& network,
                                     TransferScope scope);

// The report as the run stores it (init_report.json): counts and the names in each list.
Json initReportJson(const std::string& path, TransferScope scope, const PartialLoadReport& report);

}  // namespace logonet::training
