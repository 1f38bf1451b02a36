#pragma once

#include <stdexcept>
#include <string>

namespace logonet {

// Files in a project or run folder are never reached through a symbolic link: a run folder
// received from someone else (or fetched from a compromised GPU host) could otherwise point
// `logonet.out` or `config.json` at ~/.bashrc, and the engine would read or overwrite it.
class SymbolicLinkError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Throws SymbolicLinkError ("runs/r1/config.json is a symbolic link; refusing to follow it")
// when `path`, or any folder between `root` and it, is a symbolic link. `root` itself may be
// one (where a user keeps a project is the user's choice), and components that do not exist
// yet are fine. `path` is `root` joined with a relative path, as the folders build them.
void refuseLinksBelow(const std::string& root, const std::string& path);

// open(2) with O_NOFOLLOW and O_CLOEXEC added: a link as the last component is refused with
// SymbolicLinkError instead of being followed. Other failures return -1 with errno set.
int openNoFollow(const std::string& path, int flags, unsigned mode = 0644);

// The whole file, read through openNoFollow; std::runtime_error naming the file when it cannot
// be opened or read.
std::string readFileNoFollow(const std::string& path);

}  // namespace logonet
