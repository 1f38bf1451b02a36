#include "commands/Commands.h"

namespace logonet::cli {

void appendProjectCommands(std::vector<Command>& commands) {
    (void)commands;
}

}  // namespace logonet::cli
