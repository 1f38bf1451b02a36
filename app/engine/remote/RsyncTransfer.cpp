#include "remote/RsyncTransfer.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <stdexcept>

#include "remote/LocalProcess.h"

namespace logonet::remote {

namespace {

std::string withSlash(const std::string& directory) {
    return !directory.empty() && directory.back() == '/' ? directory : directory + "/";
}

// A list file for --files-from, removed when the copy is done.
class FileList {
  public:
    explicit FileList(const std::vector<std::string>& files) {
        char pattern[] = "/tmp/logonet-rsync-XXXXXX";
        const int fd = ::mkstemp(pattern);
        if (fd < 0) {
            throw std::runtime_error(std::string("cannot write a file list in /tmp: ") +
                                     std::strerror(errno));
        }
        path_ = pattern;
        std::string text;
        for (const auto& file : files) {
            // rsync reads the list with --from0, so any byte but NUL is allowed in a name.
            text += file;
            text += '\0';
        }
        const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
        ::close(fd);
        if (!ok) {
            throw std::runtime_error("cannot write " + path_);
        }
    }
    ~FileList() { ::unlink(path_.c_str()); }
    const std::string& path() const { return path_; }

  private:
    std::string path_;
};

}  // namespace

std::vector<std::string> RsyncTransfer::arguments(const std::string& source,
                                                  const std::string& destination,
                                                  const RsyncSelection& selection,
                                                  const std::string& filesFrom) const {
    // --archive without its links, devices and special files: only regular files and folders
    // travel, so that a compromised host cannot make logonet.out a link to ~/.bashrc here.
    std::vector<std::string> argv = {
        "rsync", "--archive",       "--no-links",   "--no-devices", "--no-specials",
        "-s",    "--delay-updates", "--timeout=60", "--rsh",        target_.rsyncShell()};
    if (selection.keepExisting) {
        argv.push_back("--ignore-existing");
    }
    for (const auto& pattern : selection.excludes) {
        argv.push_back("--exclude=" + pattern);
    }
    if (!filesFrom.empty()) {
        argv.push_back("--from0");
        argv.push_back("--files-from=" + filesFrom);
    }
    argv.push_back("--");
    argv.push_back(withSlash(source));
    argv.push_back(withSlash(destination));
    return argv;
}

void RsyncTransfer::transfer(const std::string& source, const std::string& destination,
                             const RsyncSelection& selection, const std::string& what) const {
    std::unique_ptr<FileList> list;
    if (!selection.files.empty()) {
        list = std::make_unique<FileList>(selection.files);
    }
    const ProcessResult result =
        LocalProcess::run(arguments(source, destination, selection, list ? list->path() : ""));
    if (result.exitCode != 0) {
        std::string said = result.err;
        while (!said.empty() && (said.back() == '\n' || said.back() == '\r')) {
            said.pop_back();
        }
        throw std::runtime_error(target_.display() + ": " + what + " failed (rsync exit code " +
                                 std::to_string(result.exitCode) + ")" +
                                 (said.empty() ? "" : ": " + said));
    }
}

void RsyncTransfer::upload(const std::string& localDirectory, const std::string& remoteDirectory,
                           const RsyncSelection& selection) const {
    transfer(localDirectory, target_.rsyncLocation(remoteDirectory), selection,
             "copying " + localDirectory + " to " + remoteDirectory);
}

void RsyncTransfer::download(const std::string& remoteDirectory, const std::string& localDirectory,
                             const RsyncSelection& selection) const {
    transfer(target_.rsyncLocation(remoteDirectory), localDirectory, selection,
             "copying " + remoteDirectory + " home to " + localDirectory);
}

}  // namespace logonet::remote
