#include "remote/LocalProcess.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <stdexcept>

extern char** environ;

namespace logonet::remote {

namespace {

void closeFd(int& fd) {
    if (fd >= 0) {
        ::close(fd);
        fd = -1;
    }
}

// Writes all of `input` to `fd` and closes it. The input is a script of a few kilobytes, well
// within a pipe's buffer, so this does not wait for the child to read. A child that exits first
// would raise SIGPIPE: it is blocked here and its pending instance taken back.
void writeInput(int fd, const std::string& input) {
    sigset_t pipe, previous;
    sigemptyset(&pipe);
    sigaddset(&pipe, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe, &previous);
    size_t written = 0;
    bool broken = false;
    while (written < input.size()) {
        const ssize_t n = ::write(fd, input.data() + written, input.size() - written);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            broken = errno == EPIPE;
            break;  // the child is gone; its exit code tells the rest
        }
        written += static_cast<size_t>(n);
    }
    ::close(fd);
    if (broken) {
        const timespec none{0, 0};
        sigtimedwait(&pipe, nullptr, &none);
    }
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
}

}  // namespace

LocalProcess::LocalProcess(std::vector<std::string> argv, std::optional<std::string> input)
    : argv_(std::move(argv)), input_(std::move(input)) {}

LocalProcess::~LocalProcess() {
    closeFd(outFd_);
    closeFd(errFd_);
    if (pid_ > 0 && exitCode_ < 0) {
        ::kill(pid_, SIGKILL);
        wait();
    }
}

void LocalProcess::start() {
    if (argv_.empty()) {
        throw std::runtime_error("no program to start");
    }
    int out[2];
    int err[2];
    if (::pipe2(out, O_CLOEXEC) != 0) {
        throw std::runtime_error(std::string("cannot create a pipe: ") + std::strerror(errno));
    }
    if (::pipe2(err, O_CLOEXEC) != 0) {
        ::close(out[0]);
        ::close(out[1]);
        throw std::runtime_error(std::string("cannot create a pipe: ") + std::strerror(errno));
    }
    int in[2] = {-1, -1};
    if (input_ && ::pipe2(in, O_CLOEXEC) != 0) {
        for (int fd : {out[0], out[1], err[0], err[1]}) {
            ::close(fd);
        }
        throw std::runtime_error(std::string("cannot create a pipe: ") + std::strerror(errno));
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (input_) {
        posix_spawn_file_actions_adddup2(&actions, in[0], 0);
    } else {
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    }
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err[1], 2);
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF);
    posix_spawnattr_setpgroup(&attributes, 0);
    sigset_t defaults;
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGPIPE);
    sigaddset(&defaults, SIGINT);
    sigaddset(&defaults, SIGTERM);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    std::vector<char*> args;
    for (auto& a : argv_) {
        args.push_back(a.data());
    }
    args.push_back(nullptr);
    const int status = ::posix_spawnp(&pid_, args[0], &actions, &attributes, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    ::close(out[1]);
    ::close(err[1]);
    if (input_) {
        ::close(in[0]);
    }
    if (status != 0) {
        ::close(out[0]);
        ::close(err[0]);
        if (input_) {
            ::close(in[1]);
        }
        pid_ = -1;
        throw std::runtime_error("cannot start '" + argv_[0] + "': " + std::strerror(status));
    }
    outFd_ = out[0];
    errFd_ = err[0];
    if (input_) {
        writeInput(in[1], *input_);
    }
}

bool LocalProcess::read(int timeoutMs, const std::function<void(const std::string&)>& onOutput) {
    if (outFd_ < 0 && errFd_ < 0) {
        return false;
    }
    pollfd fds[2] = {{outFd_, POLLIN, 0}, {errFd_, POLLIN, 0}};
    const int ready = ::poll(fds, 2, timeoutMs);
    if (ready < 0 && errno != EINTR) {
        throw std::runtime_error(std::string("poll failed: ") + std::strerror(errno));
    }
    if (ready <= 0) {
        return true;
    }
    char buffer[65536];
    for (int i = 0; i < 2; ++i) {
        int& fd = i == 0 ? outFd_ : errFd_;
        if (fd < 0 || (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) == 0) {
            continue;
        }
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n > 0) {
            const std::string chunk(buffer, static_cast<size_t>(n));
            if (i == 0) {
                onOutput(chunk);
            } else {
                err_ += chunk;
                // Only the tail is kept for messages.
                if (err_.size() > 65536) {
                    err_.erase(0, err_.size() - 32768);
                }
            }
        } else if (n == 0 || errno != EINTR) {
            closeFd(fd);
        }
    }
    return outFd_ >= 0 || errFd_ >= 0;
}

int LocalProcess::wait() {
    if (exitCode_ >= 0 || pid_ <= 0) {
        return exitCode_;
    }
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0) {
        if (errno != EINTR) {
            exitCode_ = 127;
            return exitCode_;
        }
    }
    exitCode_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return exitCode_;
}

void LocalProcess::signal(int number) const {
    if (pid_ > 0 && exitCode_ < 0) {
        ::kill(pid_, number);
    }
}

ProcessResult LocalProcess::run(const std::vector<std::string>& argv, int timeoutSeconds,
                                const std::optional<std::string>& input) {
    LocalProcess process(argv, input);
    process.start();
    ProcessResult result;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeoutSeconds);
    bool timedOut = false;
    while (process.read(200, [&](const std::string& chunk) { result.out += chunk; })) {
        if (timeoutSeconds > 0 && std::chrono::steady_clock::now() > deadline) {
            process.signal(SIGKILL);
            timedOut = true;
            break;
        }
    }
    result.exitCode = process.wait();
    result.err = process.errorOutput();
    if (timedOut) {
        result.exitCode = 124;
    }
    return result;
}

}  // namespace logonet::remote
