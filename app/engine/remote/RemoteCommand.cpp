#include "remote/RemoteCommand.h"

#include <sstream>
#include <stdexcept>
#include <vector>

namespace logonet::remote {

namespace {

// The last `count` non-empty lines, joined into one.
std::string lastLines(const std::string& text, size_t count) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        if (!line.empty()) {
            lines.push_back(line);
        }
    }
    std::string joined;
    for (size_t i = lines.size() > count ? lines.size() - count : 0; i < lines.size(); ++i) {
        joined += (joined.empty() ? "" : " / ") + lines[i];
    }
    return joined;
}

}  // namespace

std::vector<std::string> RemoteCommand::arguments(const std::string& label) const {
    for (const char c : label) {
        if (!(c >= 'a' && c <= 'z') && c != '-') {
            throw std::invalid_argument("a connection label is lower-case letters and '-'");
        }
    }
    return target_.sshArguments("sh -s " + label);
}

std::string RemoteCommand::input(const std::string& script) {
    return "{\n" + script + "\n} </dev/null\n";
}

ProcessResult RemoteCommand::run(const std::string& script, int timeoutSeconds) const {
    return LocalProcess::run(arguments(), timeoutSeconds, input(script));
}

std::string RemoteCommand::check(const std::string& script, const std::string& what,
                                 int timeoutSeconds) const {
    const ProcessResult result = run(script, timeoutSeconds);
    if (result.exitCode != 0) {
        throw std::runtime_error(failureMessage(result, what));
    }
    return result.out;
}

std::string RemoteCommand::failureMessage(const ProcessResult& result,
                                          const std::string& what) const {
    std::string message = target_.display() + ": " + what + " failed";
    if (result.exitCode == 124) {
        message += " (no answer in time)";
    } else {
        message += " (exit code " + std::to_string(result.exitCode) + ")";
    }
    const std::string said = lastLines(result.err, 3);
    if (!said.empty()) {
        message += ": " + said;
    }
    if (result.err.find("Host key verification failed") != std::string::npos ||
        result.err.find("No ED25519 host key is known") != std::string::npos ||
        result.err.find("host key is known") != std::string::npos) {
        message += "\nThe host key is not in " + target_.knownHosts() +
                   ": check its fingerprint and record it with `logonet remote trust --host " +
                   target_.display() + "`.";
    } else if (result.err.find("Permission denied") != std::string::npos) {
        message +=
            "\nThe host refused the key: give --identity FILE or load the key into ssh-agent, "
            "and add its public half to the remote ~/.ssh/authorized_keys (no passwords).";
    }
    return message;
}

}  // namespace logonet::remote
