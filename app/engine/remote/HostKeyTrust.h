#pragma once

#include <string>
#include <vector>

#include "remote/SshTarget.h"

namespace logonet::remote {

// One public host key as the host offers it.
struct HostKey {
    std::string line;         // the known_hosts line: name, type, key
    std::string type;         // e.g. ED25519
    std::string fingerprint;  // SHA256:...
};

// Trust on first use, done deliberately: the host's keys are fetched (ssh-keyscan), their
// fingerprints shown to a person who compares them with what the server's administrator sees
// (`ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub`), and only then recorded in the per-user
// known_hosts file that every other remote command checks strictly.
class HostKeyTrust {
  public:
    explicit HostKeyTrust(SshTarget target) : target_(std::move(target)) {}

    // True when the known_hosts file already holds a key for this host (and port).
    bool isKnown() const;
    // The keys the host offers now; throws std::runtime_error when it cannot be reached.
    std::vector<HostKey> scan() const;
    // Appends the keys to the known_hosts file (created with mode 0600 in a 0700 folder).
    void record(const std::vector<HostKey>& keys) const;

  private:
    SshTarget target_;
};

}  // namespace logonet::remote
