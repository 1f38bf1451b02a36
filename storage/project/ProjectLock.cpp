#include "project/ProjectLock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "database/StorageError.h"
#include "fs/NoFollowPath.h"

namespace logonet {

namespace {

std::string hostName() {
    char name[256] = {0};
    if (gethostname(name, sizeof name - 1) != 0) {
        return "unknown";
    }
    return name;
}

}  // namespace

ProjectLock::ProjectLock(const std::string& projectDir) {
    const std::string path = (std::filesystem::path(projectDir) / "project.lock").string();
    try {
        fd_ = openNoFollow(path, O_RDWR | O_CREAT);
    } catch (const SymbolicLinkError& error) {
        throw StorageError("project " + projectDir + ": " + error.what());
    }
    if (fd_ < 0) {
        throw StorageError("project " + projectDir + ": cannot create " + path + ": " +
                           std::strerror(errno));
    }
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        std::ifstream in(path);
        std::string holder;
        std::getline(in, holder);
        ::close(fd_);
        fd_ = -1;
        std::istringstream fields(holder);
        std::string pid, host;
        fields >> pid >> host;
        throw StorageError(
            "project " + projectDir + " is already open in another workstation (pid " +
            (pid.empty() ? "?" : pid) + " on host " + (host.empty() ? "?" : host) + ")");
    }
    const std::string holder = std::to_string(::getpid()) + " " + hostName() + "\n";
    if (::ftruncate(fd_, 0) != 0 || ::write(fd_, holder.data(), holder.size()) < 0) {
        // The lock itself holds; only the courtesy note about who holds it is missing.
    }
}

ProjectLock::~ProjectLock() {
    if (fd_ >= 0) {
        ::flock(fd_, LOCK_UN);
        ::close(fd_);
    }
}

}  // namespace logonet
