#include "fs/DurableFile.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>

namespace logonet {

namespace {

namespace fs = std::filesystem;

std::string errorText(int code) {
    return std::strerror(code);
}

// Random per process, so that a pid reused after a crash (a container restarting with pid 1)
// does not reproduce the names of the leftovers of the process before it.
uint64_t processNonce() {
    static const uint64_t nonce = [] {
        std::random_device device;
        return (static_cast<uint64_t>(device()) << 32) ^ device();
    }();
    return nonce;
}

void syncDescriptor(const std::string& path, int flags, const std::string& what) {
    const int descriptor = ::open(path.c_str(), flags | O_CLOEXEC);
    if (descriptor < 0) {
        throw DurableWriteError(path + ": cannot open the " + what +
                                " to flush it: " + errorText(errno));
    }
    int result = 0;
    do {
        result = ::fsync(descriptor);
    } while (result != 0 && errno == EINTR);
    const int code = errno;
    ::close(descriptor);
    if (result != 0) {
        throw DurableWriteError(path + ": cannot flush the " + what +
                                " to disk: " + errorText(code));
    }
}

void removeQuietly(const std::string& path) {
    std::error_code ignored;
    fs::remove(path, ignored);
}

std::string folderOf(const std::string& path) {
    const fs::path parent = fs::path(path).parent_path();
    return parent.empty() ? std::string(".") : parent.string();
}

}  // namespace

std::string uniqueTemporaryPath(const std::string& target) {
    static std::atomic<uint64_t> counter{0};
    const fs::path path(target);
    const std::string name = path.filename().string();
    // The last extension moves to the end, with the one before it for ".gz" (".nii.gz"); the
    // stem is shortened so that the name stays within a file system's 255 bytes.
    size_t dot = name.rfind('.');
    if (dot != std::string::npos && dot > 0 && name.compare(dot, std::string::npos, ".gz") == 0) {
        const size_t inner = name.rfind('.', dot - 1);
        dot = inner == std::string::npos || inner == 0 ? dot : inner;
    }
    if (dot == 0 || dot == std::string::npos || name.size() - dot > 16) {
        dot = name.size();
    }
    const std::string extension = name.substr(dot);
    const std::string stem = name.substr(0, std::min<size_t>(dot, 120));
    char random[20];
    std::snprintf(random, sizeof random, "%012llx",
                  static_cast<unsigned long long>(processNonce() & 0xffffffffffffULL));
    const std::string unique = ".tmp-" + stem + "-" + std::to_string(::getpid()) + "-" +
                               std::to_string(counter++) + "-" + random + extension;
    return (path.parent_path() / unique).string();
}

bool isTemporaryName(const std::string& fileName) {
    return fileName.rfind(".tmp-", 0) == 0;
}

void syncFile(const std::string& path) {
    syncDescriptor(path, O_RDONLY, "file");
}

void syncFolder(const std::string& folder) {
    syncDescriptor(folder, O_RDONLY | O_DIRECTORY, "folder");
}

void publishDurably(const std::string& temporary, const std::string& target) {
    try {
        syncFile(temporary);
        if (std::rename(temporary.c_str(), target.c_str()) != 0) {
            throw DurableWriteError(target + ": cannot replace the file: " + errorText(errno));
        }
    } catch (...) {
        removeQuietly(temporary);
        throw;
    }
    syncFolder(folderOf(target));
}

void writeFileDurably(const std::string& target,
                      const std::function<void(const std::string& temporary)>& write) {
    const std::string temporary = uniqueTemporaryPath(target);
    try {
        write(temporary);
    } catch (...) {
        removeQuietly(temporary);
        throw;
    }
    publishDurably(temporary, target);
}

void writeFileDurably(const std::string& target, std::string_view bytes) {
    writeFileDurably(target, [&](const std::string& temporary) {
        const int descriptor =
            ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        if (descriptor < 0) {
            throw DurableWriteError(target + ": cannot be written: " + errorText(errno));
        }
        size_t done = 0;
        while (done < bytes.size()) {
            const ssize_t n = ::write(descriptor, bytes.data() + done, bytes.size() - done);
            if (n < 0 && errno == EINTR) {
                continue;
            }
            if (n <= 0) {
                const int code = n < 0 ? errno : ENOSPC;
                ::close(descriptor);
                throw DurableWriteError(target + ": cannot be written: " + errorText(code));
            }
            done += static_cast<size_t>(n);
        }
        if (::close(descriptor) != 0) {
            throw DurableWriteError(target + ": cannot be written: " + errorText(errno));
        }
    });
}

}  // namespace logonet
