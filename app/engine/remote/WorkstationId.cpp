#include "remote/WorkstationId.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <stdexcept>

#include "remote/UserSettingsFolder.h"

namespace logonet::remote {

namespace {

namespace fs = std::filesystem;

fs::path idFile() {
    return fs::path(userSettingsFolder()) / "workstation-id";
}

bool wellFormed(const std::string& id) {
    return id.size() == 16 && id.find_first_not_of("0123456789abcdef") == std::string::npos;
}

std::string readId(const fs::path& file) {
    std::ifstream in(file);
    std::string id;
    std::getline(in, id);
    return id;
}

}  // namespace

std::string workstationId() {
    const fs::path file = idFile();
    std::string id = readId(file);
    if (wellFormed(id)) {
        return id;
    }
    std::error_code error;
    fs::create_directories(file.parent_path(), error);
    std::random_device random;
    std::uniform_int_distribution<int> digit(0, 15);
    std::string made;
    for (int n = 0; n < 16; ++n) {
        made += "0123456789abcdef"[digit(random)];
    }
    const std::string temporary = file.string() + ".tmp-" + std::to_string(::getpid());
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        throw std::runtime_error(temporary + ": cannot be written: " + std::strerror(errno));
    }
    const std::string line = made + "\n";
    const bool written = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
    ::fsync(fd);
    ::close(fd);
    if (written) {
        if (fs::exists(file, error)) {
            ::rename(temporary.c_str(), file.c_str());  // a damaged id is replaced
        } else {
            // link() fails when an engine beside this one made the id a moment ago: its id stays.
            ::link(temporary.c_str(), file.c_str());
        }
    }
    ::unlink(temporary.c_str());
    id = readId(file);
    if (!wellFormed(id)) {
        throw std::runtime_error(file.string() + ": cannot be written");
    }
    return id;
}

}  // namespace logonet::remote
