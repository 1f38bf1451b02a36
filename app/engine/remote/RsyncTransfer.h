#pragma once

#include <string>
#include <vector>

#include "remote/SshTarget.h"

namespace logonet::remote {

// Which files one rsync copies and how.
struct RsyncSelection {
    // Only these paths (relative to the source folder); empty: the whole folder.
    std::vector<std::string> files;
    std::vector<std::string> excludes;  // rsync patterns
    bool keepExisting = false;          // never replace a file the destination already has
};

// Copies a folder to or from the remote host with rsync over the target's ssh. rsync only sends
// what is missing or changed, writes each file to a temporary name and renames it (and with
// --delay-updates puts them all in place at the end), so a dropped connection never leaves a
// half-written checkpoint. Arguments go to the remote rsync through its protocol (-s), not
// through the remote shell.
class RsyncTransfer {
  public:
    explicit RsyncTransfer(SshTarget target) : target_(std::move(target)) {}

    // argv of the copy (files-from names a list file written by upload()/download()).
    std::vector<std::string> arguments(const std::string& source, const std::string& destination,
                                       const RsyncSelection& selection,
                                       const std::string& filesFrom = "") const;
    // Local folder -> remote folder (which must exist); throws std::runtime_error with rsync's
    // message on failure.
    void upload(const std::string& localDirectory, const std::string& remoteDirectory,
                const RsyncSelection& selection = {}) const;
    // Remote folder -> local folder.
    void download(const std::string& remoteDirectory, const std::string& localDirectory,
                  const RsyncSelection& selection = {}) const;

  private:
    void transfer(const std::string& source, const std::string& destination,
                  const RsyncSelection& selection, const std::string& what) const;

    SshTarget target_;
};

}  // namespace logonet::remote
