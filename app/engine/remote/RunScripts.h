#pragma once

#include <cstdint>
#include <string>

namespace logonet::remote {

// The files a remote run keeps beside its run folder's own files.
struct RunFiles {
    static constexpr const char* output = "logonet.out";  // the engine's JSON events (appended)
    static constexpr const char* errors = "logonet.err";  // its stderr
    static constexpr const char* pid = "logonet.pid";     // the engine's process id
    // Its start time (/proc/PID/stat field 22): a reused pid is not the engine.
    static constexpr const char* started = "logonet.started";
    // flock-ed by the wrapper and the engine while they live: one engine per run folder.
    static constexpr const char* lock = "logonet.lock";
    static constexpr const char* exit = "logonet.exit";  // its exit code, once it has ended
};

// The POSIX sh scripts run on the remote host. Every path and program in them passes through
// shellQuote(); nothing else varies.
namespace scripts {

// mkdir -p of both folders; `clearRun` first removes what an earlier start left in the run
// folder (a fresh run replaces it).
std::string makeFolders(const std::string& runFolder, const std::string& cacheFolder,
                        bool clearRun);
// Starts `logonet COMMAND --run . --progress json [--resume]` in the run folder (COMMAND: train
// or pretrain, as its config.json says), detached from the connection (setsid, stdin from
// /dev/null, output appended to logonet.out/.err), unless it is already running; prints the
// engine's pid. `fresh` empties logonet.out/.err first (a new run, not a resumed one). Two
// starts at once start one engine (logonet.lock). Exit code 91: the engine is not there; 92:
// flock is not there.
std::string start(const std::string& runFolder, const std::string& logonet,
                  const std::string& command, bool resume, bool fresh);
// First line: "absent", "new", "running PID", "vanished" (a pid but neither the process that
// was started, nor an exit code) or "exited CODE"; then "--out" and the last events, "--err"
// and the last errors.
std::string status(const std::string& runFolder);
// Prints logonet.out from byte `offset` on; follows it while the engine runs, ends after it.
std::string follow(const std::string& runFolder, int64_t offset);
// SIGTERM to the engine (it writes a checkpoint and stops); prints "signalled" or "not running".
std::string cancel(const std::string& runFolder);
// `logonet device-info --json` there; exit code 91 when the engine is not found.
std::string deviceInfo(const std::string& logonet);

}  // namespace scripts

}  // namespace logonet::remote
