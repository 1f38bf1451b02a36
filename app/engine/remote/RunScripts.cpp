#include "remote/RunScripts.h"

#include "remote/ShellQuote.h"

namespace logonet::remote::scripts {

namespace {

// A run is alive while logonet.lock is held (flock, by the wrapper and the engine) and the
// process logonet.pid names is still the one that was started: its start time (field 22 of
// /proc/PID/stat, in clock ticks since boot) equals the one recorded in logonet.started. A pid
// alone may have been reused by an unrelated process after the engine died; `kill -0` took it
// for the engine. Without flock on the host the identity alone decides.
const std::string kIdentity =
    "logonet_started() { sed 's/.*) //' \"/proc/$1/stat\" 2>/dev/null | cut -d' ' -f20; }\n"
    "logonet_alive() {\n"
    "  [ -s logonet.pid ] || return 1\n"
    "  { flock -n logonet.lock true; } 2>/dev/null && return 1\n"
    "  recorded=$(cat logonet.started 2>/dev/null)\n"
    "  [ -n \"$recorded\" ] && [ \"$(logonet_started \"$(cat logonet.pid)\")\" = \"$recorded\" ]\n"
    "}\n";
const std::string kAlive = "logonet_alive";

// Waits up to 10 s for the wrapper to record the engine's pid, then prints it.
const std::string kPrintPid =
    "i=0\n"
    "while [ ! -s logonet.pid ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done\n"
    "cat logonet.pid\n";

std::string enterFolder(const std::string& runFolder) {
    return "cd " + shellQuote(runFolder) + " 2>/dev/null || { echo absent; exit 0; }\n" + kIdentity;
}

std::string findEngine(const std::string& logonet) {
    return "command -v " + shellQuote(logonet) + " >/dev/null 2>&1 || { echo \"logonet engine '\"" +
           shellQuote(logonet) +
           "\"' not found on this host (install it or give --remote-logonet PATH)\" >&2; exit "
           "91; }\n";
}

}  // namespace

std::string makeFolders(const std::string& runFolder, const std::string& cacheFolder,
                        bool clearRun) {
    const std::string make = "mkdir -p -- " + shellCommand({runFolder, cacheFolder});
    return clearRun ? "rm -rf -- " + shellQuote(runFolder) + " && " + make : make;
}

std::string start(const std::string& runFolder, const std::string& logonet,
                  const std::string& command, bool resume, bool fresh) {
    // The engine runs in the background of a shell that waits for it and records its exit
    // code; setsid puts both in a session of their own, so closing the connection ends neither.
    // Both inherit descriptor 9, on which this script took logonet.lock: the lock is held for as
    // long as either lives, so a second start (another connection, another click) finds it held
    // and attaches instead of starting a second engine on the same folder.
    std::string engine = shellCommand({logonet, command, "--run", ".", "--progress", "json"});
    if (resume) {
        engine += " --resume";
    }
    const std::string inner =
        kIdentity + engine +
        " >>logonet.out 2>>logonet.err </dev/null &\n"
        "logonet_started $! >logonet.started.tmp && mv logonet.started.tmp logonet.started\n"
        "echo $! >logonet.pid.tmp && mv logonet.pid.tmp logonet.pid\n"
        "wait $!\necho $? >logonet.exit.tmp && mv logonet.exit.tmp logonet.exit\n";
    return "cd " + shellQuote(runFolder) + " || exit 90\n" + kIdentity + findEngine(logonet) +
           "command -v flock >/dev/null 2>&1 || { echo 'flock (util-linux) is needed on this "
           "host to start a run' >&2; exit 92; }\n"
           "exec 9>>logonet.lock\n"
           "if ! flock -n 9; then\n"
           // Held: an engine runs, or another start is launching one this moment.
           "  exec 9>&-\n" +
           kPrintPid + "  exit 0\nfi\n" + "rm -f logonet.pid logonet.started logonet.exit\n" +
           (fresh ? ": >logonet.out; : >logonet.err\n" : "touch logonet.out logonet.err\n") +
           "setsid sh -c " + shellQuote(inner) + " </dev/null >/dev/null 2>&1 &\n" + "exec 9>&-\n" +
           kPrintPid;
}

std::string status(const std::string& runFolder) {
    return enterFolder(runFolder) +
           "state=new\n"
           "if [ -s logonet.pid ]; then\n"
           "  if " +
           kAlive +
           "; then state=\"running $(cat logonet.pid)\"\n"
           // The wrapper writes the exit code a moment after the engine ends.
           "  else sleep 1; state=vanished; fi\n"
           "fi\n"
           "if [ -s logonet.exit ]; then state=\"exited $(cat logonet.exit)\"; fi\n"
           "echo \"$state\"\n"
           "echo --out; tail -n 3 logonet.out 2>/dev/null\n"
           "echo --err; tail -n 5 logonet.err 2>/dev/null\n"
           "exit 0\n";
}

std::string follow(const std::string& runFolder, int64_t offset) {
    const std::string from = "+" + std::to_string(offset + 1);
    return "cd " + shellQuote(runFolder) + " || exit 90\n" + kIdentity +
           "pid=$(cat logonet.pid 2>/dev/null)\n"
           "if " +
           kAlive +
           "; then\n"
           "  exec tail -s 0.5 -c " +
           from +
           " --pid=\"$pid\" -f logonet.out\n"
           "fi\n"
           "[ -f logonet.out ] || exit 0\n"
           "exec tail -c " +
           from + " logonet.out\n";
}

std::string cancel(const std::string& runFolder) {
    return enterFolder(runFolder) + "if " + kAlive +
           "; then kill -TERM \"$(cat logonet.pid)\" && echo signalled; else echo 'not running'; "
           "fi\n";
}

std::string deviceInfo(const std::string& logonet) {
    return findEngine(logonet) + "exec " + shellCommand({logonet, "device-info", "--json"});
}

}  // namespace logonet::remote::scripts
