#pragma once

#include <string>
#include <vector>

#include "remote/LocalProcess.h"
#include "remote/SshTarget.h"

namespace logonet::remote {

// Runs one shell script on the remote host through ssh. The script is built with shellQuote()
// for every path or name in it; ssh is started from an argv vector (no local shell). The script
// never passes through the user's login shell there: ssh hands that shell only the plain words
// `sh -s <label>`, which bash, fish and tcsh all run alike, and the script reaches POSIX sh on
// its standard input.
class RemoteCommand {
  public:
    explicit RemoteCommand(SshTarget target) : target_(std::move(target)) {}

    const SshTarget& target() const { return target_; }
    // argv of ssh running the remote host's POSIX sh on the script that input() makes, to be
    // fed to ssh's stdin. `label` (letters and '-') only names the connection in process lists.
    std::vector<std::string> arguments(const std::string& label = "logonet") const;
    // What ssh's stdin carries for `script`: one brace group, so that sh reads all of it before
    // running any of it, with stdin /dev/null so that no command in it eats the script.
    static std::string input(const std::string& script);
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
