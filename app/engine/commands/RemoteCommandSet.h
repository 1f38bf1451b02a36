#pragma once

#include <set>
#include <string>

#include "Command.h"
#include "remote/SshTarget.h"

namespace logonet::cli {

// The `logonet remote ...` commands (RemoteCommands.cpp: run, status, fetch, cancel;
// RemoteHostCommands.cpp: check, trust).
Command remoteRunCommand();
Command remoteStatusCommand();
Command remoteFetchCommand();
Command remoteCancelCommand();
Command remoteCheckCommand();
Command remoteTrustCommand();

// --host user@host[:port], --identity FILE, --known-hosts FILE as one target; a UsageError for a
// malformed host.
remote::SshTarget sshTargetFrom(const CommandLine& line);
// The options every remote command takes.
std::set<std::string> remoteConnectionOptions();

}  // namespace logonet::cli
