#pragma once

#include <string>
#include <vector>

namespace logonet::remote {

// One remote host as `ssh` reaches it: user@host[:port], an optional identity file (else the
// ssh agent or ssh's default keys) and the known_hosts file that vouches for its host key.
// Authentication is by key only: BatchMode forbids every password or passphrase prompt and an
// unknown or changed host key is refused (StrictHostKeyChecking), never accepted silently.
class SshTarget {
  public:
    // "user@host", "host:2222", "user@host:2222"; throws std::invalid_argument naming the problem
    // (a host starting with '-' would be read by ssh as an option, so it is refused).
    static SshTarget parse(const std::string& spec);

    const std::string& user() const { return user_; }
    const std::string& host() const { return host_; }
    int port() const { return port_; }
    std::string display() const;  // user@host:port, as given back to a person

    void setIdentity(const std::string& file);
    const std::string& identity() const { return identity_; }
    void setKnownHosts(const std::string& file);
    const std::string& knownHosts() const { return knownHosts_; }
    void setConnectTimeout(int seconds) { connectTimeout_ = seconds; }

    // How known_hosts names this host: "host", or "[host]:port" off port 22.
    std::string knownHostsName() const;
    // The ssh options (after the program name, before the host).
    std::vector<std::string> sshOptions() const;
    // argv of `ssh ... host 'remoteCommand'`: the remote command is one string, already quoted
    // for the remote shell (see ShellQuote.h).
    std::vector<std::string> sshArguments(const std::string& remoteCommand) const;
    // The value of rsync's --rsh: ssh and its options, quoted the way rsync splits that string.
    std::string rsyncShell() const;
    // "host:path" for rsync (the user is in rsyncShell()).
    std::string rsyncLocation(const std::string& remotePath) const;

    // ~/.config/logonet/known_hosts (XDG_CONFIG_HOME respected): one file per user.
    static std::string defaultKnownHosts();

  private:
    std::string user_;
    std::string host_;
    int port_ = 22;
    std::string identity_;
    std::string knownHosts_;
    int connectTimeout_ = 15;
};

// A value inside an ssh -o option: double-quoted with \ and " escaped and % doubled, since ssh
// splits option values at spaces and expands %-tokens in file names.
std::string sshOptionValue(const std::string& value);
// One word of rsync's --rsh string: single-quoted, a quote inside doubled (rsync's own rule).
std::string rsyncShellWord(const std::string& word);

}  // namespace logonet::remote
