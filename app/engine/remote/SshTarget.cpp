#include "remote/SshTarget.h"

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "remote/UserSettingsFolder.h"

namespace logonet::remote {

namespace fs = std::filesystem;

namespace {

bool isNameCharacter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '-' || c == '_';
}

void checkName(const std::string& value, const std::string& what, const std::string& spec) {
    if (value.empty()) {
        throw std::invalid_argument("'" + spec + "': the " + what + " is empty");
    }
    if (value[0] == '-') {
        throw std::invalid_argument("'" + spec + "': a " + what + " cannot start with '-'");
    }
    for (const char c : value) {
        if (!isNameCharacter(c)) {
            throw std::invalid_argument("'" + spec + "': the " + what +
                                        " may hold only letters, digits, '.', '-' and '_'");
        }
    }
}

// ssh expands ${VAR} in file options and cannot escape it: such a path would silently name
// another file.
std::string checkedFile(const std::string& file, const std::string& what) {
    if (file.find("${") != std::string::npos) {
        throw std::invalid_argument(what + " '" + file + "': ssh would expand '${' in it");
    }
    return fs::absolute(file).lexically_normal().string();
}

}  // namespace

SshTarget SshTarget::parse(const std::string& spec) {
    SshTarget target;
    std::string rest = spec;
    const size_t at = rest.rfind('@');
    if (at != std::string::npos) {
        target.user_ = rest.substr(0, at);
        checkName(target.user_, "user name", spec);
        rest = rest.substr(at + 1);
    }
    const size_t colon = rest.rfind(':');
    if (colon != std::string::npos) {
        const std::string port = rest.substr(colon + 1);
        rest = rest.substr(0, colon);
        if (port.empty() || port.size() > 5 ||
            port.find_first_not_of("0123456789") != std::string::npos) {
            throw std::invalid_argument("'" + spec + "': the port must be a number");
        }
        target.port_ = std::stoi(port);
        if (target.port_ < 1 || target.port_ > 65535) {
            throw std::invalid_argument("'" + spec + "': the port must be 1 to 65535");
        }
    }
    checkName(rest, "host name", spec);
    target.host_ = rest;
    target.knownHosts_ = defaultKnownHosts();
    return target;
}

std::string SshTarget::display() const {
    return (user_.empty() ? "" : user_ + "@") + host_ + ":" + std::to_string(port_);
}

void SshTarget::setIdentity(const std::string& file) {
    identity_ = file.empty() ? std::string() : checkedFile(file, "identity file");
}

void SshTarget::setKnownHosts(const std::string& file) {
    knownHosts_ = checkedFile(file, "known hosts file");
}

std::string SshTarget::knownHostsName() const {
    return port_ == 22 ? host_ : "[" + host_ + "]:" + std::to_string(port_);
}

std::vector<std::string> SshTarget::sshOptions() const {
    std::vector<std::string> options = {
        "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes", "-o",
        "UserKnownHostsFile=" + sshOptionValue(knownHosts_), "-o", "PasswordAuthentication=no",
        "-o", "KbdInteractiveAuthentication=no", "-o",
        "ConnectTimeout=" + std::to_string(connectTimeout_),
        // A dead connection is noticed within about 15 s instead of TCP's minutes.
        "-o", "ServerAliveInterval=5", "-o", "ServerAliveCountMax=3", "-p", std::to_string(port_)};
    if (!user_.empty()) {
        options.insert(options.end(), {"-l", user_});
    }
    if (!identity_.empty()) {
        options.insert(options.end(), {"-o", "IdentityFile=" + sshOptionValue(identity_), "-o",
                                       "IdentitiesOnly=yes"});
    }
    return options;
}

std::vector<std::string> SshTarget::sshArguments(const std::string& remoteCommand) const {
    std::vector<std::string> argv = {"ssh"};
    const auto options = sshOptions();
    argv.insert(argv.end(), options.begin(), options.end());
    argv.insert(argv.end(), {"--", host_, remoteCommand});
    return argv;
}

std::string SshTarget::rsyncShell() const {
    std::string shell = "ssh";
    for (const auto& option : sshOptions()) {
        shell += ' ' + rsyncShellWord(option);
    }
    return shell;
}

std::string SshTarget::rsyncLocation(const std::string& remotePath) const {
    return host_ + ":" + remotePath;
}

std::string SshTarget::defaultKnownHosts() {
    return (fs::path(userSettingsFolder()) / "known_hosts").string();
}

std::string sshOptionValue(const std::string& value) {
    std::string quoted = "\"";
    for (const char c : value) {
        if (c == '"' || c == '\\') {
            quoted += '\\';
            quoted += c;
        } else if (c == '%') {
            quoted += "%%";
        } else {
            quoted += c;
        }
    }
    return quoted + "\"";
}

std::string rsyncShellWord(const std::string& word) {
    std::string quoted = "'";
    for (const char c : word) {
        quoted += c;
        if (c == '\'') {
            quoted += '\'';
        }
    }
    return quoted + "'";
}

}  // namespace logonet::remote
