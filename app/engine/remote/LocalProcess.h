#pragma once

#include <sys/types.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace logonet::remote {

// What a finished child printed and how it ended.
struct ProcessResult {
    int exitCode = -1;  // 128 + n when killed by signal n; 127 when the program is missing
    std::string out;
    std::string err;
};

// A local child process started from an argv vector with posix_spawnp: no local shell ever sees
// the arguments. stdin is /dev/null, or `input` followed by end of file; stdout and stderr come
// back through pipes. The child gets
// its own process group, so a Ctrl-C meant for `logonet` does not cut its ssh connections.
class LocalProcess {
  public:
    explicit LocalProcess(std::vector<std::string> argv,
                          std::optional<std::string> input = std::nullopt);
    ~LocalProcess();
    LocalProcess(const LocalProcess&) = delete;
    LocalProcess& operator=(const LocalProcess&) = delete;

    // Throws std::runtime_error naming the program when it cannot be started.
    void start();
    pid_t pid() const { return pid_; }
    // Waits up to `timeoutMs` for output and hands it over as it comes (stderr is kept, see
    // errorOutput()); false once both pipes are closed (the child is done writing).
    bool read(int timeoutMs, const std::function<void(const std::string&)>& onOutput);
    // Reaps the child (blocking) and returns its exit code as in ProcessResult.
    int wait();
    void signal(int number) const;
    const std::string& errorOutput() const { return err_; }

    // Runs to the end; a child still running after `timeoutSeconds` (0: no limit) is killed
    // and reported with exit code 124.
    static ProcessResult run(const std::vector<std::string>& argv, int timeoutSeconds = 0,
                             const std::optional<std::string>& input = std::nullopt);

  private:
    std::vector<std::string> argv_;
    std::optional<std::string> input_;
    pid_t pid_ = -1;
    int outFd_ = -1;
    int errFd_ = -1;
    int exitCode_ = -1;
    std::string err_;
};

}  // namespace logonet::remote
