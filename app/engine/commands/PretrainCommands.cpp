#include "commands/Commands.h"

namespace logonet::cli {

void appendPretrainCommands(std::vector<Command>& commands) { (void)commands; }

}  // namespace logonet::cli
