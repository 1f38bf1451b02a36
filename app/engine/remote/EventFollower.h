#pragma once

#include <cstdint>
#include <fstream>
#include <functional>
#include <string>

#include "remote/RemoteCommand.h"

namespace logonet::remote {

// Streams a remote run's event lines (logonet.out) home over ssh (`tail -f` there). Each
// complete line is appended to a local copy and handed on; the local copy's size is the offset
// from which the next connection continues, so a dropped connection, or a new `logonet remote
// run` after this process was killed, repeats no event and skips none. The remote file is only
// ever appended to, so the local copy is always a prefix of it.
class EventFollower {
  public:
    EventFollower(RemoteCommand shell, std::string remoteRun, std::string localCopy);

    // Bytes of complete lines received so far (the local copy's size).
    int64_t offset() const { return offset_; }
    // One connection: hands each new complete line to `onLine` until the remote tail ends (the
    // engine has ended) or the connection drops; `tick` is called about every 200 ms. Returns
    // ssh's exit code (0: the tail ended normally; 255: the connection failed).
    int followOnce(const std::function<void(const std::string&)>& onLine,
                   const std::function<void()>& tick);
    // The pid of the ssh process of the connection in progress (-1 between connections).
    int connectionPid() const { return connectionPid_; }
    // What ssh said on stderr the last time.
    const std::string& lastError() const { return lastError_; }

  private:
    RemoteCommand shell_;
    std::string remoteRun_;
    std::string localCopy_;
    int64_t offset_ = 0;
    int connectionPid_ = -1;
    std::string lastError_;
};

}  // namespace logonet::remote
