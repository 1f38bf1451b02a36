#include "remote/RunScripts.h"

#include "remote/ShellQuote.h"

namespace logonet::remote::scripts {

namespace {

const std::string kAlive = "[ -s logonet.pid ] && kill -0 \"$(cat logonet.pid)\" 2>/dev/null";

std::string enterFolder(const std::string& runFolder) {
    return "cd " + shellQuote(runFolder) + " 2>/dev/null || { echo absent; exit 0; }\n";
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
    std::string engine = shellCommand({logonet, command, "--run", ".", "--progress", "json"});
    if (resume) {
        engine += " --resume";
    }
    const std::string inner = engine +
                              " >>logonet.out 2>>logonet.err </dev/null &\n"
                              "echo $! >logonet.pid.tmp && mv logonet.pid.tmp logonet.pid\n"
                              "wait $!\necho $? >logonet.exit.tmp && mv logonet.exit.tmp "
                              "logonet.exit\n";
    return "cd " + shellQuote(runFolder) + " || exit 90\n" + findEngine(logonet) + "if " + kAlive +
           "; then cat logonet.pid; exit 0; fi\n" + "rm -f logonet.pid logonet.exit\n" +
           (fresh ? ": >logonet.out; : >logonet.err\n" : "touch logonet.out logonet.err\n") +
           "setsid sh -c " + shellQuote(inner) +
           " </dev/null >/dev/null 2>&1 &\n"
           "i=0\n"
           "while [ ! -s logonet.pid ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done\n"
           "cat logonet.pid\n";
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
    return "cd " + shellQuote(runFolder) + " || exit 90\n" +
           "pid=$(cat logonet.pid 2>/dev/null)\n"
           "if [ -n \"$pid\" ] && kill -0 \"$pid\" 2>/dev/null; then\n"
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
