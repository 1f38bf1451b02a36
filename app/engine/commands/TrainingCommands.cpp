#include "commands/Commands.h"
#include "commands/TrainingCommandSet.h"

namespace logonet::cli {

void appendTrainingCommands(std::vector<Command>& commands) {
#ifdef LOGONET_HAVE_STORAGE
    commands.push_back(prepareCommand());
#endif
    commands.push_back(trainCommand());
#ifdef LOGONET_HAVE_STORAGE
    commands.push_back(inferCommand());
    commands.push_back(evaluateCommand());
    commands.push_back(demoCommand());
#endif
    commands.push_back(benchTrainCommand());
    commands.push_back(benchInferCommand());
}

}  // namespace logonet::cli
