#include <unistd.h>

#include <iostream>
#include <stdexcept>

#include "commands/RemoteCommandSet.h"
#include "json/Json.h"
#include "remote/HostKeyTrust.h"
#include "remote/RemoteCommand.h"
#include "remote/RunScripts.h"

namespace logonet::cli {

namespace {

int runCheck(const CommandLine& line) {
    auto known = remoteConnectionOptions();
    // --remote-dir is accepted (and unused) so that one set of host options serves every command.
    known.insert({"remote-logonet", "remote-dir", "json"});
    line.rejectUnknown(known);
    const remote::RemoteCommand shell(sshTargetFrom(line));
    const std::string logonet = line.option("remote-logonet", "logonet");
    const std::string answer =
        shell.check(remote::scripts::deviceInfo(logonet), "running " + logonet + " device-info");
    Json info;
    try {
        info = Json::parse(answer);
    } catch (const JsonError& error) {
        throw std::runtime_error(
            shell.target().display() + ": " + logonet +
            " device-info printed no JSON (an engine older than this one?): " + error.what());
    }
    info["host"] = shell.target().display();
    if (line.flag("json")) {
        std::cout << info.dump() << "\n";
        return 0;
    }
    std::cout << shell.target().display() << ": logonet " << info.value("version", "?")
              << " (LibTorch " << info.value("torch", "?") << "), "
              << info.value("cpu_cores", int64_t{0}) << " CPU cores\n";
    if (!info.value("cuda", false)) {
        std::cout << "CUDA: not available there\n";
    }
    if (info.contains("devices")) {
        for (const auto& device : info.at("devices").asArray()) {
            std::cout << "GPU " << device.value("index", int64_t{0}) << ": "
                      << device.value("name", "(name unknown)") << ", "
                      << static_cast<int64_t>(device.value("memory_total_mb", 0.0)) << " MiB\n";
        }
    }
    return 0;
}

int runTrust(const CommandLine& line) {
    auto known = remoteConnectionOptions();
    known.insert({"yes", "fingerprint", "json"});
    line.rejectUnknown(known);
    const remote::SshTarget target = sshTargetFrom(line);
    const remote::HostKeyTrust trust(target);
    const bool json = line.flag("json");
    Json result = Json::object();
    result["host"] = target.display();
    result["known_hosts"] = target.knownHosts();
    if (trust.isKnown()) {
        result["known"] = true;
        result["recorded"] = false;
        if (json) {
            std::cout << result.dump() << "\n";
        } else {
            std::cout << target.display() << " is already trusted in " << target.knownHosts()
                      << "\n";
        }
        return 0;
    }
    std::vector<remote::HostKey> keys = trust.scan();
    Json list = Json::array();
    for (const auto& key : keys) {
        list.push_back(Json(Json::Object{{"type", key.type}, {"fingerprint", key.fingerprint}}));
        if (!json) {
            std::cout << target.display() << " offers a " << key.type << " key, fingerprint "
                      << key.fingerprint << "\n";
        }
    }
    result["known"] = false;
    result["keys"] = list;
    bool accept = line.flag("yes");
    if (line.has("fingerprint")) {
        const std::string wanted = line.required("fingerprint");
        std::vector<remote::HostKey> matching;
        for (const auto& key : keys) {
            if (key.fingerprint == wanted) {
                matching.push_back(key);
            }
        }
        if (matching.empty()) {
            throw std::runtime_error(target.display() + ": no key with fingerprint " + wanted +
                                     " (the host offers other keys: do not trust it until you "
                                     "know why)");
        }
        keys = matching;
        accept = true;
    } else if (!accept && !json && ::isatty(STDIN_FILENO)) {
        std::cout << "Compare with the fingerprint the server's administrator sees. Trust it? "
                     "[y/N] "
                  << std::flush;
        std::string answer;
        std::getline(std::cin, answer);
        accept = answer == "y" || answer == "Y" || answer == "yes";
    }
    if (accept) {
        trust.record(keys);
    }
    result["recorded"] = accept;
    if (json) {
        std::cout << result.dump() << "\n";
    } else if (accept) {
        std::cout << "recorded in " << target.knownHosts() << "\n";
    } else {
        std::cerr << "not recorded: compare the fingerprint, then run again with --fingerprint "
                     "SHA256:... (or --yes)\n";
    }
    return accept || json ? 0 : 1;
}

}  // namespace

std::vector<RemoteCommandRow> remoteHostCommandRows() {
    return {
        {"check",
         "test the connection to a remote host: its engine, CUDA and GPU memory",
         "usage: logonet remote check --host user@host[:port] [--identity FILE]\n"
         "         [--known-hosts FILE] [--remote-logonet PATH] [--json]\n",
         "Connects with ssh (keys only, host key checked against --known-hosts) and runs\n"
         "`logonet device-info --json` there. With --json prints one JSON object: host, version,\n"
         "torch, cpu_cores, cuda, devices.",
         {"json"},
         runCheck},
        {"trust",
         "show a remote host's key fingerprints and record them as trusted",
         "usage: logonet remote trust --host user@host[:port] [--known-hosts FILE]\n"
         "         [--fingerprint SHA256:... | --yes] [--json]\n",
         "Fetches the host's public keys and prints their fingerprints. They are recorded in the\n"
         "known hosts file only after you confirm (asked on a terminal), with --fingerprint (only\n"
         "the key with that fingerprint) or with --yes. --json prints the keys as one JSON object\n"
         "and records nothing unless --fingerprint or --yes is given.",
         {"yes", "json"},
         runTrust}};
}

}  // namespace logonet::cli
