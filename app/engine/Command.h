#pragma once

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "CommandLine.h"

namespace logonet::cli {

// One `logonet <name>` command. `run` returns the exit code; it throws UsageError for a wrong
// call and any other std::exception for a failure, which main() prints as one line.
struct Command {
    std::string name;
    std::string summary;          // one line for `logonet --help`
    std::string usage;            // the full text for `logonet <name> --help`
    std::set<std::string> flags;  // options that take no value
    std::function<int(const CommandLine&)> run;
};

// The runner of a command that needs the project layer, in a build without it (an engine built
// with LibTorch alone on a GPU server): says so instead of failing obscurely.
int refuseWithoutProjectLayer(const CommandLine& line);

// Every command this build of the engine has; the list depends on what was found at configure
// time (ITK, SQLite), so a GPU server with LibTorch alone still gets the training commands.
std::vector<Command> engineCommands();

}  // namespace logonet::cli
