#pragma once

#include <vector>

#include "Command.h"
#include "json/Json.h"
#include "project/ScanRecord.h"

namespace logonet::cli {

// The pieces of appendProjectCommands that live in their own files.
void appendDemoDataCommand(std::vector<Command>& commands);      // ProjectDemoData.cpp
void appendProjectBenchmarks(std::vector<Command>& commands);    // ProjectBenchmarks.cpp
void appendProjectCheckCommand(std::vector<Command>& commands);  // ProjectCheckCommand.cpp
void appendSaveBenchmark(std::vector<Command>& commands);        // ProjectSaveBenchmark.cpp
void appendScanCommands(std::vector<Command>& commands);         // ProjectScanCommands.cpp

// The JSON object `logonet list --json` prints for a scan.
Json scanJson(const ScanRecord& scan);

}  // namespace logonet::cli
