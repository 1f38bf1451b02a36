#pragma once

#include <string>
#include <vector>

#include "remote/LocalProcess.h"
#include "remote/SshTarget.h"

namespace logonet::remote {

// Runs one shell script on the remote host through ssh. The script is built with shellQuote()
// for every path or name in it; ssh is started from an argv vector (no local shell).
class RemoteCommand {
  public:
    explicit RemoteCommand(SshTarget target) : target_(std::move(target)) {}

    const SshTarget& target() const { return target_; }
    // argv of ssh running `script` under the remote host's POSIX sh, whatever the user's login
    // shell: the script travels as one single-quoted word.
    std::vector<std::string> arguments(const std::string& script) const;
    // Runs `script` there and returns what it printed; 255 is ssh's own failure.
    ProcessResult run(const std::string& script, int timeoutSeconds = 120) const;
    // Like run(), but throws std::runtime_error with failureMessage() when the exit code is not 0.
    std::string check(const std::string& script, const std::string& what,
                      int timeoutSeconds = 120) const;
    // A message a person can act on: the host, what failed, ssh's words, and the next step for
    // an unknown host key or a refused key.
    std::string failureMessage(const ProcessResult& result, const std::string& what) const;

  private:
    SshTarget target_;
};

// ssh's exit code when the connection itself failed (as opposed to the remote command).
constexpr int kSshConnectionFailed = 255;

}  // namespace logonet::remote
