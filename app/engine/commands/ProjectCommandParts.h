#pragma once

#include <vector>

#include "Command.h"
#include "json/Json.h"
#include "labels/LabelSet.h"
#include "project/ScanRecord.h"

namespace logonet::cli {

// The pieces of appendProjectCommands that live in their own files.
void appendDemoDataCommand(std::vector<Command>& commands);      // ProjectDemoData.cpp
void appendProjectBenchmarks(std::vector<Command>& commands);    // ProjectBenchmarks.cpp
void appendProjectCheckCommand(std::vector<Command>& commands);  // ProjectCheckCommand.cpp
void appendSaveBenchmark(std::vector<Command>& commands);        // ProjectSaveBenchmark.cpp
void appendScanCommands(std::vector<Command>& commands);         // ProjectScanCommands.cpp

void appendLabelCommands(std::vector<Command>& commands);    // ProjectLabelCommands.cpp
void appendSettingsCommand(std::vector<Command>& commands);  // ProjectPreparationDefaults.cpp

// The label set `project create --labels` names: btcv, empty, a label file (ITK-SNAP or
// Slicer), the project's own JSON list or a Decathlon/nnU-Net dataset.json.
LabelSet labelSetFromChoice(const std::string& choice);

// The JSON object `logonet list --json` prints for a scan.
Json scanJson(const ScanRecord& scan);

}  // namespace logonet::cli
