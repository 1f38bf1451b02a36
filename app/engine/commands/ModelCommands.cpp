#include "commands/Commands.h"

namespace logonet::cli {

void appendModelCommands(std::vector<Command>& commands) {
    (void)commands;
}

}  // namespace logonet::cli
