#include "commands/Commands.h"
#include "commands/PretrainCommandSet.h"

namespace logonet::cli {

void appendPretrainCommands(std::vector<Command>& commands) {
    commands.push_back(benchKMeansCommand());
    commands.push_back(clusterCommand());
    commands.push_back(masksCommand());
    commands.push_back(pretrainCommand());
    commands.push_back(experimentPretrainingCommand());
}

}  // namespace logonet::cli
