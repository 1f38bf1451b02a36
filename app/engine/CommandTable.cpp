#include "Command.h"
#include "commands/Commands.h"

#include <stdexcept>

namespace logonet::cli {

int refuseWithoutProjectLayer(const CommandLine&) {
    throw std::runtime_error(
        "this build of the engine has no project layer (it was built without ITK and SQLite)");
}

std::vector<Command> engineCommands() {
    std::vector<Command> commands;
    // Each family appends its commands; the families a build lacks are simply absent.
    appendModelCommands(commands);
    appendTrainingCommands(commands);
    appendPretrainCommands(commands);
    appendEditBenchmarks(commands);
    appendRemoteCommands(commands);
#ifdef LOGONET_HAVE_STORAGE
    appendProjectCommands(commands);
#endif
    return commands;
}

}  // namespace logonet::cli
