#include "commands/Commands.h"

namespace logonet::cli {

void appendTrainingCommands(std::vector<Command>& commands) {
    (void)commands;
}

}  // namespace logonet::cli
