#include "commands/PretrainCommandSet.h"

namespace logonet::cli {

Command pretrainCommand() {
    Command command;
    command.name = "pretrain";
    command.summary = "pre-train a network on masked slices and cluster pseudo-labels";
    command.usage = "usage: logonet pretrain --project DIR (not yet available)";
    command.run = [](const CommandLine&) -> int { throw std::runtime_error("not yet available"); };
    return command;
}

}  // namespace logonet::cli
