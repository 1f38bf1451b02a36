#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "remote/RemoteCommand.h"
#include "remote/RemoteLayout.h"

namespace logonet::remote {

// How a remote run stands, from its pid file, its exit code and its last events.
struct RemoteStatus {
    // "not started", "running", "finished" (exit 0), "stopped" (3: after a checkpoint),
    // "failed" (any other exit code, or the engine vanished without one)
    std::string state;
    int64_t pid = -1;
    int exitCode = -1;
    std::vector<std::string> lastEvents;  // the last lines of logonet.out
    std::string errors;                   // the last lines of logonet.err

    bool running() const { return state == "running"; }
    bool ended() const { return state == "finished" || state == "stopped" || state == "failed"; }
    // Parses the output of scripts::status().
    static RemoteStatus parse(const std::string& output);
};

struct RemoteRunOptions {
    std::string remoteDirectory = "logonet-runs";  // relative to the remote home, or absolute
    std::string remoteLogonet = "logonet";         // the engine there (PATH or a path)
    bool resume = false;                           // continue from the last checkpoint
    int reconnectSeconds = 600;                    // give up after this long without a connection
};

// A run folder trained on a remote host: copied there (with the cached cases it reads), started
// detached from the connection, followed, and copied home. See EventFollower for how events
// survive dropped connections.
class RemoteRun {
  public:
    using Note = std::function<void(const std::string&)>;  // progress words for a person

    RemoteRun(SshTarget target, const std::string& runDirectory, RemoteRunOptions options);

    const RemoteLayout& layout() const { return layout_; }
    RemoteStatus status() const;
    // Starts (or attaches to) the run and follows it to its end; event lines go to `onEvent`.
    // A set `stop` (SIGTERM/SIGINT) cancels the remote engine, which stops after a checkpoint.
    // Returns the engine's exit code (0 finished, 3 stopped); results are home by then.
    int run(const std::function<void(const std::string&)>& onEvent, const std::atomic<bool>* stop,
            const Note& note);
    // Copies the remote run folder home (whole files; a running engine's files as they stand).
    void fetch() const;
    // SIGTERM to the remote engine; false when it was not running.
    bool cancel() const;

  private:
    void upload(bool fresh) const;
    void start(bool fresh) const;
    int follow(const std::function<void(const std::string&)>& onEvent,
               const std::atomic<bool>* stop, const Note& note);
    void writeRecord() const;

    RemoteCommand shell_;
    RemoteLayout layout_;
    RemoteRunOptions options_;
};

// The remote folder a run folder was last run with (RUNDIR/remote.json), so that `status`,
// `fetch` and `cancel` need only --host and --run; empty when none is recorded. The engine
// recorded there is never returned (remoteLogonet stays empty): what runs on the host is the
// user's choice (--remote-logonet, from the host settings), not the run folder's.
RemoteRunOptions recordedOptions(const std::string& runDirectory);

}  // namespace logonet::remote
