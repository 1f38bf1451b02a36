#include "commands/PretrainCommandSet.h"

namespace logonet::cli {

Command clusterCommand() {
    Command command;
    command.name = "cluster";
    command.summary = "fit the k-means pseudo-label clusterers on a project's slices";
    command.usage = "usage: logonet cluster --project DIR (not yet available)";
    command.run = [](const CommandLine&) -> int { throw std::runtime_error("not yet available"); };
    return command;
}

}  // namespace logonet::cli
