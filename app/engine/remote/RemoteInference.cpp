#include "remote/RemoteInference.h"

#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <set>
#include <stdexcept>

#include "json/Json.h"
#include "remote/LocalProcess.h"
#include "remote/RemoteLayout.h"
#include "remote/RsyncTransfer.h"
#include "remote/RunScripts.h"
#include "remote/ShellQuote.h"
#include "remote/WorkstationId.h"

namespace logonet::remote {

namespace fs = std::filesystem;

namespace {

constexpr int kStoppedExitCode = 3;

// Where the predictions land here before they are checked: a fresh folder only this user can
// enter, so nothing but rsync puts a file (or a link) in it; removed with everything in it.
class PrivateFolder {
  public:
    PrivateFolder() {
        std::string pattern = (fs::temp_directory_path() / "logonet-predictions-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) {
            throw std::runtime_error("cannot make a folder for the predictions in " +
                                     fs::temp_directory_path().string());
        }
        path_ = pattern;
    }
    ~PrivateFolder() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    const std::string& path() const { return path_; }

  private:
    std::string path_;
};

std::string predictionName(int64_t scanId) {
    return std::to_string(scanId) + ".nii.gz";
}

std::string jobName() {
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    char name[64];
    std::snprintf(name, sizeof name, "jobs/%lld-%llx", static_cast<long long>(::getpid()),
                  static_cast<unsigned long long>(
                      std::chrono::duration_cast<std::chrono::microseconds>(now).count()));
    return name;
}

// Predicts the scans in turn; prints "predicted ID" once ID's map is complete under its final
// name (written to a .part name first), so the map is never copied half-written. A `stop` file
// in the job folder (see cancelScript) ends the loop with exit code 3.
std::string predictScript(const std::string& root, const std::string& job,
                          const std::string& logonet, const std::string& run,
                          const std::string& checkpoint, const std::vector<RemoteScan>& scans,
                          const std::vector<std::string>& engineArguments) {
    std::string script = "cd " + shellQuote(root) + " || exit 90\njob=" + shellQuote(job) + "\n";
    for (const auto& scan : scans) {
        const std::string id = std::to_string(scan.id);
        std::vector<std::string> words = {logonet,        "infer",
                                          "--run",        run,
                                          "--checkpoint", run + "/" + checkpoint,
                                          "--image",      scan.file,
                                          "--out",        job + "/" + id + ".part.nii.gz"};
        if (!scan.modality.empty()) {
            words.insert(words.end(), {"--modality", scan.modality});
        }
        words.insert(words.end(), engineArguments.begin(), engineArguments.end());
        script += "[ -e \"$job/stop\" ] && exit 3\n" + shellCommand(words) +
                  " >\"$job/infer.out\" 2>\"$job/infer.err\" </dev/null &\n"
                  "echo $! >\"$job/infer.pid\"\n"
                  "wait $!; code=$?\n"
                  "[ -e \"$job/stop\" ] && exit 3\n"
                  "if [ $code -ne 0 ]; then\n"
                  "  echo \"logonet infer failed on scan " +
                  id +
                  " (exit code $code):\" >&2; tail -n 5 \"$job/infer.err\" >&2; exit 1\n"
                  "fi\n"
                  "mv -f \"$job/" +
                  id + ".part.nii.gz\" \"$job/" + predictionName(scan.id) +
                  "\" || exit 1\n"
                  "echo 'predicted " +
                  id + "'\n";
    }
    return script + "exit 0\n";
}

std::string cancelScript(const std::string& jobFolder) {
    return "cd " + shellQuote(jobFolder) +
           " 2>/dev/null || exit 0\n"
           ": >stop\n"
           "[ -s infer.pid ] && kill -TERM \"$(cat infer.pid)\" 2>/dev/null\n"
           "exit 0\n";
}

}  // namespace

RemoteInference::RemoteInference(SshTarget target, std::string projectDirectory,
                                 std::string runDirectory, std::string checkpoint,
                                 RemoteInferenceOptions options)
    : shell_(std::move(target)),
      project_(std::move(projectDirectory)),
      run_(std::move(runDirectory)),
      checkpoint_(std::move(checkpoint)),
      options_(std::move(options)) {
    const std::string id = workstationId();
    remoteRoot_ = remoteFolderOf(project_, options_.remoteDirectory, id) + "/predict";
    // The run keeps a place of its own (its name and where it lies here), so the checkpoint
    // already there is reused by the next prediction and never mixed with another run's.
    remoteRun_ = remoteFolderOf(run_, "runs", id);
    job_ = jobName();
}

void RemoteInference::checkEngine() const {
    const std::string& logonet = options_.remoteLogonet;
    const std::string answer =
        shell_.check(scripts::deviceInfo(logonet), "running " + logonet + " device-info");
    if (!options_.needsCuda) {
        return;
    }
    bool cuda = false;
    try {
        cuda = Json::parse(answer).value("cuda", false);
    } catch (const JsonError&) {
        throw std::runtime_error(shell_.target().display() + ": " + logonet +
                                 " device-info printed no JSON (an engine older than this one?)");
    }
    if (!cuda) {
        throw std::runtime_error(shell_.target().display() +
                                 ": no CUDA GPU there (the engine reports none); predict with "
                                 "--device cpu or choose another host");
    }
}

void RemoteInference::upload(const std::vector<RemoteScan>& scans) const {
    shell_.check(
        "mkdir -p -- " + shellCommand({remoteRoot_ + "/" + remoteRun_, remoteRoot_ + "/" + job_}),
        "creating " + remoteRoot_);
    const RsyncTransfer rsync(shell_.target());
    RsyncSelection run;
    run.files = {"config.json", checkpoint_};
    rsync.upload(run_, remoteRoot_ + "/" + remoteRun_, run);
    RsyncSelection images;
    for (const auto& scan : scans) {
        images.files.push_back(scan.file);
    }
    // rsync's quick check (size and time) sends a file again that differs from the one there: a
    // project made anew at the same path may hold another scan under the same file name.
    rsync.upload(project_, remoteRoot_, images);
}

std::string RemoteInference::fetchPrediction(int64_t scanId, const std::string& localFolder) const {
    RsyncSelection one;
    one.files = {predictionName(scanId)};
    RsyncTransfer(shell_.target()).download(remoteRoot_ + "/" + job_, localFolder, one);
    // rsync brings no links (--no-links): a link there left nothing here.
    const fs::path local = fs::path(localFolder) / predictionName(scanId);
    std::error_code error;
    if (fs::symlink_status(local, error).type() != fs::file_type::regular) {
        throw std::runtime_error(shell_.target().display() + ": the prediction of scan " +
                                 std::to_string(scanId) +
                                 " did not come home as a regular file (the host left a link or "
                                 "something else in its place); refused");
    }
    return local.string();
}

void RemoteInference::cancel() const {
    shell_.check(cancelScript(remoteRoot_ + "/" + job_), "stopping the remote engine");
}

int RemoteInference::run(const std::vector<RemoteScan>& scans, const OnPrediction& onPrediction,
                         const std::atomic<bool>* stop, const Note& note) {
    const std::string host = shell_.target().display();
    note("checking the engine on " + host);
    checkEngine();
    note("copying the run and " + std::to_string(scans.size()) + " scan(s) to " + host + ":" +
         remoteRoot_);
    upload(scans);
    if (stop != nullptr && stop->load()) {
        return kStoppedExitCode;
    }
    const PrivateFolder home;
    note("predicting on " + host);
    LocalProcess ssh(
        shell_.arguments("logonet-infer"),
        RemoteCommand::input(predictScript(remoteRoot_, job_, options_.remoteLogonet, remoteRun_,
                                           checkpoint_, scans, options_.engineArguments)));
    ssh.start();
    std::string pending;
    std::vector<int64_t> ready;
    std::set<int64_t> announced;
    size_t delivered = 0;
    bool cancelled = false;
    auto deliver = [&] {
        for (const int64_t scanId : ready) {
            onPrediction(scanId, fetchPrediction(scanId, home.path()));
            fs::remove(fs::path(home.path()) / predictionName(scanId));
            ++delivered;
        }
        ready.clear();
    };
    auto collect = [&](const std::string& chunk) {
        pending += chunk;
        size_t newline;
        while ((newline = pending.find('\n')) != std::string::npos) {
            const std::string line = pending.substr(0, newline);
            pending.erase(0, newline + 1);
            if (line.rfind("predicted ", 0) != 0) {
                continue;
            }
            // Only the ids asked for, each once: the host's words choose no other scan.
            const std::string id = line.substr(10);
            const auto asked = std::find_if(scans.begin(), scans.end(), [&](const RemoteScan& s) {
                return std::to_string(s.id) == id;
            });
            if (asked == scans.end() || announced.count(asked->id)) {
                throw std::runtime_error(host + ": unexpected answer while predicting: '" + line +
                                         "'");
            }
            announced.insert(asked->id);
            ready.push_back(asked->id);
        }
    };
    auto cleanUp = [&] { shell_.run("rm -rf -- " + shellQuote(remoteRoot_ + "/" + job_), 60); };
    int code = 0;
    try {
        while (ssh.read(200, collect)) {
            if (stop != nullptr && stop->load() && !cancelled) {
                cancelled = true;
                note("cancelling: the engine on " + host + " stops");
                cancel();
            }
            if (!cancelled) {
                deliver();
            }
        }
        code = ssh.wait();
        if (!cancelled) {
            deliver();
        }
    } catch (...) {
        // A refused map (or a failed copy) ends the job there too; the scans stored stay.
        try {
            cancel();
        } catch (const std::exception&) {
        }
        ssh.signal(SIGTERM);
        ssh.wait();
        cleanUp();
        throw;
    }
    cleanUp();
    if (cancelled || code == kStoppedExitCode) {
        note("stopped after " + std::to_string(delivered) + " of " + std::to_string(scans.size()) +
             " scans");
        return kStoppedExitCode;
    }
    if (code != 0) {
        ProcessResult result;
        result.exitCode = code;
        result.err = ssh.errorOutput();
        throw std::runtime_error(shell_.failureMessage(result, "predicting"));
    }
    if (delivered != scans.size()) {
        throw std::runtime_error(host + ": the engine ended after " + std::to_string(delivered) +
                                 " of " + std::to_string(scans.size()) + " predictions");
    }
    return 0;
}

}  // namespace logonet::remote
