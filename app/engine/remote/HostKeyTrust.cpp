#include "remote/HostKeyTrust.h"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "remote/LocalProcess.h"

namespace logonet::remote {

namespace fs = std::filesystem;

bool HostKeyTrust::isKnown() const {
    if (!fs::exists(target_.knownHosts())) {
        return false;
    }
    const ProcessResult found = LocalProcess::run(
        {"ssh-keygen", "-F", target_.knownHostsName(), "-f", target_.knownHosts()}, 30);
    return found.exitCode == 0 && !found.out.empty();
}

std::vector<HostKey> HostKeyTrust::scan() const {
    const ProcessResult scanned = LocalProcess::run(
        {"ssh-keyscan", "-T", "10", "-p", std::to_string(target_.port()), "--", target_.host()},
        60);
    std::vector<HostKey> keys;
    std::istringstream lines(scanned.out);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.empty() || line[0] == '#') {
            continue;
        }
        HostKey key;
        key.line = line;
        keys.push_back(key);
    }
    if (keys.empty()) {
        throw std::runtime_error(
            target_.display() + ": no host key could be fetched" +
            (scanned.err.empty() ? std::string() : " (ssh-keyscan: " + scanned.err + ")"));
    }
    // ssh-keygen reads a known_hosts-format file and prints one fingerprint per key, in order.
    char pattern[] = "/tmp/logonet-hostkeys-XXXXXX";
    const int fd = ::mkstemp(pattern);
    if (fd < 0) {
        throw std::runtime_error("cannot write a temporary file in /tmp");
    }
    ::close(fd);
    {
        std::ofstream out(pattern);
        for (const auto& key : keys) {
            out << key.line << '\n';
        }
    }
    const ProcessResult printed = LocalProcess::run({"ssh-keygen", "-l", "-f", pattern}, 30);
    ::unlink(pattern);
    std::istringstream fingerprints(printed.out);
    for (auto& key : keys) {
        if (!std::getline(fingerprints, line)) {
            break;
        }
        // "256 SHA256:abc... [host]:port (ED25519)"
        std::istringstream words(line);
        std::string bits;
        words >> bits >> key.fingerprint;
        const size_t open = line.rfind('(');
        const size_t close = line.rfind(')');
        if (open != std::string::npos && close != std::string::npos && close > open) {
            key.type = line.substr(open + 1, close - open - 1);
        }
    }
    return keys;
}

void HostKeyTrust::record(const std::vector<HostKey>& keys) const {
    const fs::path file(target_.knownHosts());
    if (file.has_parent_path() && !fs::exists(file.parent_path())) {
        fs::create_directories(file.parent_path());
        ::chmod(file.parent_path().c_str(), 0700);
    }
    const bool existed = fs::exists(file);
    std::ofstream out(file, std::ios::app);
    if (!out) {
        throw std::runtime_error(file.string() + ": cannot be written");
    }
    for (const auto& key : keys) {
        out << key.line << '\n';
    }
    out.close();
    if (!out) {
        throw std::runtime_error(file.string() + ": write failed");
    }
    if (!existed) {
        ::chmod(file.c_str(), 0600);
    }
}

}  // namespace logonet::remote
