#include "Command.h"
#include "commands/Commands.h"

namespace logonet::cli {

std::vector<Command> engineCommands() {
    std::vector<Command> commands;
    // Each family appends its commands; the families a build lacks are simply absent.
    appendModelCommands(commands);
    appendTrainingCommands(commands);
    appendPretrainCommands(commands);
    appendEditBenchmarks(commands);
#ifdef LOGONET_HAVE_STORAGE
    appendProjectCommands(commands);
#endif
    return commands;
}

}  // namespace logonet::cli
