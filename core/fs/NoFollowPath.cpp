#include "fs/NoFollowPath.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace logonet {

namespace {

namespace fs = std::filesystem;

[[noreturn]] void refuse(const std::string& path) {
    throw SymbolicLinkError(path + " is a symbolic link; refusing to follow it");
}

bool isLink(const std::string& path) {
    struct stat info {};
    return ::lstat(path.c_str(), &info) == 0 && S_ISLNK(info.st_mode);
}

}  // namespace

void refuseLinksBelow(const std::string& root, const std::string& path) {
    const fs::path relative = fs::path(path).lexically_relative(root);
    if (relative.empty() || *relative.begin() == "..") {
        // Not below root: nothing of the folder's own to check but the file itself.
        if (isLink(path)) {
            refuse(path);
        }
        return;
    }
    fs::path walked(root);
    for (const fs::path& part : relative) {
        if (part == ".") {
            continue;
        }
        walked /= part;
        if (isLink(walked.string())) {
            refuse(walked.string());
        }
    }
}

int openNoFollow(const std::string& path, int flags, unsigned mode) {
    const int fd = ::open(path.c_str(), flags | O_NOFOLLOW | O_CLOEXEC, static_cast<mode_t>(mode));
    if (fd < 0 && errno == ELOOP) {
        refuse(path);
    }
    return fd;
}

std::string readFileNoFollow(const std::string& path) {
    const int fd = openNoFollow(path, O_RDONLY);
    if (fd < 0) {
        throw std::runtime_error(path + ": cannot be opened: " + std::strerror(errno));
    }
    std::string text;
    char buffer[65536];
    for (;;) {
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR) {
            continue;
        }
        if (got < 0) {
            const int error = errno;
            ::close(fd);
            throw std::runtime_error(path + ": cannot be read: " + std::strerror(error));
        }
        if (got == 0) {
            break;
        }
        text.append(buffer, static_cast<size_t>(got));
    }
    ::close(fd);
    return text;
}

}  // namespace logonet
