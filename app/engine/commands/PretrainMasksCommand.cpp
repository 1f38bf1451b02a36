#include "commands/PretrainCommandSet.h"

namespace logonet::cli {

Command masksCommand() {
    Command command;
    command.name = "masks";
    command.summary = "write the masked crop pre-training sees for one scan";
    command.usage = "usage: logonet masks --project DIR (not yet available)";
    command.run = [](const CommandLine&) -> int { throw std::runtime_error("not yet available"); };
    return command;
}

}  // namespace logonet::cli
