#pragma once

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "Command.h"
#include "remote/SshTarget.h"

namespace logonet::cli {

// One `logonet remote ...` command as a row of a table (RemoteCommands.cpp: run, status, fetch,
// cancel; RemoteHostCommands.cpp: check, trust); remoteCommand() adds what they share: the
// "remote " name prefix and the connection options' help between synopsis and details.
struct RemoteCommandRow {
    std::string name;      // after "remote "
    std::string summary;   // one line for `logonet --help`
    std::string synopsis;  // the "usage:" lines
    std::string details;   // further options and what it does
    std::set<std::string> flags;
    std::function<int(const CommandLine&)> run;
};
Command remoteCommand(const RemoteCommandRow& row);
std::vector<RemoteCommandRow> remoteHostCommandRows();
std::vector<RemoteCommandRow> remoteInferCommandRows();  // RemoteInferCommand.cpp

// --host user@host[:port], --identity FILE, --known-hosts FILE as one target; a UsageError for a
// malformed host.
remote::SshTarget sshTargetFrom(const CommandLine& line);
// The options every remote command takes.
std::set<std::string> remoteConnectionOptions();

}  // namespace logonet::cli
