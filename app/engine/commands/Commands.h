#pragma once

#include <vector>

#include "Command.h"

namespace logonet::cli {

// model-info, bench forward (commands/ModelCommands.cpp)
void appendModelCommands(std::vector<Command>& commands);
// prepare, train, infer, evaluate, demo, cluster, masks, pretrain, bench ...
// (commands/TrainingCommands.cpp)
void appendTrainingCommands(std::vector<Command>& commands);
// cluster, masks, pretrain, bench kmeans (commands/PretrainCommands.cpp)
void appendPretrainCommands(std::vector<Command>& commands);
// bench edit (commands/BenchEditCommand.cpp)
void appendEditBenchmarks(std::vector<Command>& commands);
// remote run, status, fetch, cancel, check, trust (commands/RemoteCommands.cpp)
void appendRemoteCommands(std::vector<Command>& commands);
#ifdef LOGONET_HAVE_STORAGE
// demo-data, project, import, list, export, check (commands/ProjectCommands.cpp)
void appendProjectCommands(std::vector<Command>& commands);
#endif

}  // namespace logonet::cli
