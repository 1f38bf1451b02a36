#include "remote/EventFollower.h"

#include <filesystem>
#include <stdexcept>

#include "fs/NoFollowPath.h"
#include "remote/LocalProcess.h"
#include "remote/RunScripts.h"

namespace logonet::remote {

namespace fs = std::filesystem;

EventFollower::EventFollower(RemoteCommand shell, std::string remoteRun, std::string localCopy)
    : shell_(std::move(shell)), remoteRun_(std::move(remoteRun)), localCopy_(std::move(localCopy)) {
    // Resized and appended to below: through a link that would be some other file of the user.
    refuseLinksBelow(fs::path(localCopy_).parent_path().string(), localCopy_);
    std::error_code error;
    if (!fs::exists(localCopy_, error)) {
        return;
    }
    // A line cut short (by a copy interrupted in the middle) is dropped: it comes again whole.
    std::string text;
    {
        std::ifstream in(localCopy_, std::ios::binary);
        text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    const size_t complete = text.rfind('\n') == std::string::npos ? 0 : text.rfind('\n') + 1;
    if (complete != text.size()) {
        fs::resize_file(localCopy_, complete);
    }
    offset_ = static_cast<int64_t>(complete);
}

int EventFollower::followOnce(const std::function<void(const std::string&)>& onLine,
                              const std::function<void()>& tick) {
    refuseLinksBelow(fs::path(localCopy_).parent_path().string(), localCopy_);
    std::ofstream copy(localCopy_, std::ios::binary | std::ios::app);
    if (!copy) {
        throw std::runtime_error(localCopy_ + ": cannot be written");
    }
    LocalProcess ssh(shell_.arguments("logonet-follow"),
                     RemoteCommand::input(scripts::follow(remoteRun_, offset_)));
    ssh.start();
    connectionPid_ = ssh.pid();
    std::string pending;
    while (ssh.read(200, [&](const std::string& chunk) {
        pending += chunk;
        size_t newline;
        while ((newline = pending.find('\n')) != std::string::npos) {
            const std::string line = pending.substr(0, newline);
            pending.erase(0, newline + 1);
            copy << line << '\n';
            copy.flush();
            offset_ += static_cast<int64_t>(line.size() + 1);
            onLine(line);
        }
    })) {
        tick();
    }
    const int code = ssh.wait();
    connectionPid_ = -1;
    lastError_ = ssh.errorOutput();
    return code;
}

}  // namespace logonet::remote
