#include "remote/RemoteRun.h"

#include <chrono>
#include <filesystem>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "json/Json.h"
#include "remote/EventFollower.h"
#include "remote/RsyncTransfer.h"
#include "remote/RunScripts.h"
#include "remote/WorkstationId.h"

namespace logonet::remote {

namespace fs = std::filesystem;

namespace {

constexpr int kStoppedExitCode = 3;  // the engine's code for "stopped after a checkpoint"

std::string recordPath(const std::string& runDirectory) {
    return (fs::path(runDirectory) / "remote.json").string();
}

void sleepFor(double seconds) {
    std::this_thread::sleep_for(std::chrono::milliseconds(static_cast<int>(seconds * 1000)));
}

}  // namespace

RemoteStatus RemoteStatus::parse(const std::string& output) {
    RemoteStatus status;
    std::istringstream in(output);
    std::string line;
    std::getline(in, line);
    std::istringstream first(line);
    std::string word;
    first >> word;
    if (word == "running") {
        status.state = "running";
        first >> status.pid;
    } else if (word == "exited") {
        first >> status.exitCode;
        status.state = status.exitCode == 0                  ? "finished"
                       : status.exitCode == kStoppedExitCode ? "stopped"
                                                             : "failed";
    } else if (word == "vanished") {
        status.state = "failed";
    } else if (word == "new" || word == "absent") {
        status.state = "not started";
    } else {
        throw std::runtime_error("unexpected answer from the remote host: '" + line + "'");
    }
    bool errors = false;
    while (std::getline(in, line)) {
        if (line == "--out" || line == "--err") {
            errors = line == "--err";
        } else if (errors) {
            status.errors += line + "\n";
        } else if (!line.empty()) {
            status.lastEvents.push_back(line);
        }
    }
    if (word == "vanished" && status.errors.empty()) {
        status.errors = "the engine is gone without an exit code (killed, or the host restarted)";
    }
    return status;
}

RemoteRunOptions recordedOptions(const std::string& runDirectory) {
    RemoteRunOptions options;
    options.remoteDirectory.clear();
    options.remoteLogonet.clear();
    if (!fs::exists(recordPath(runDirectory))) {
        return options;
    }
    const Json record = readJsonFile(recordPath(runDirectory));
    options.remoteDirectory = record.value("remote_dir", std::string());
    // "remote_logonet" stays in the file for a person to read, and older files have it, but it
    // never chooses what runs: a run folder received from someone else would pick the program
    // started on the GPU host. The engine there comes from the user's own host settings.
    return options;
}

RemoteRun::RemoteRun(SshTarget target, const std::string& runDirectory, RemoteRunOptions options)
    : shell_(std::move(target)),
      layout_(RemoteLayout::of(runDirectory, options.remoteDirectory, workstationId())),
      options_(std::move(options)) {}

RemoteStatus RemoteRun::status() const {
    return RemoteStatus::parse(
        shell_.check(scripts::status(layout_.remoteRun), "asking the state"));
}

void RemoteRun::writeRecord() const {
    Json record = Json::object();
    record["host"] = shell_.target().display();
    record["remote_dir"] = options_.remoteDirectory;
    record["remote_run"] = layout_.remoteRun;
    record["remote_logonet"] = options_.remoteLogonet;  // for display only, never read back
    writeJsonFileAtomically(recordPath(layout_.localRun), record);
}

void RemoteRun::upload(bool fresh) const {
    const Json config = readJsonFile((fs::path(layout_.localRun) / "config.json").string());
    // The initial weights travel inside the run folder (`train --setup-only` copies them there
    // and names them relative to it); a path outside it means nothing on the remote host.
    const std::string init = config.value("init", std::string());
    if (!init.empty() && !options_.resume) {
        if (fs::path(init).is_absolute()) {
            throw std::runtime_error(
                layout_.localRun + "/config.json: initialises from '" + init +
                "', a file on this machine only; set the run up with `logonet remote run "
                "--project DIR --run NAME --init ...` (or `logonet train ... --setup-only`), "
                "which copies the weights into the run folder");
        }
        if (!fs::exists(fs::path(layout_.localRun) / init)) {
            throw std::runtime_error(layout_.localRun + "/config.json: initialises from '" + init +
                                     "', which is not in the run folder");
        }
    }
    for (const auto& file : layout_.cacheFiles) {
        if (!fs::exists(fs::path(layout_.localCache) / file)) {
            throw std::runtime_error((fs::path(layout_.localCache) / file).string() +
                                     ": a cached file of the run is missing here (run `logonet "
                                     "prepare`, or set a pre-training run up again)");
        }
    }
    if (fresh) {
        // The events of an earlier start describe another run.
        fs::remove(fs::path(layout_.localRun) / RunFiles::output);
    }
    shell_.check(scripts::makeFolders(layout_.remoteRun, layout_.remoteCache, fresh),
                 "creating " + layout_.remoteRun);
    const RsyncTransfer rsync(shell_.target());
    RsyncSelection cache;
    cache.files = layout_.cacheFiles;
    rsync.upload(layout_.localCache, layout_.remoteCache, cache);
    // What the remote side already has is newer than anything here (its checkpoints and events
    // moved on), so only missing files go; config.json is the one the user may have changed.
    RsyncSelection run;
    run.keepExisting = true;
    run.excludes = {"remote.json",      "logonet.pid*", "logonet.exit*", "logonet.lock",
                    "logonet.started*", "*.tmp",        ".tmp-*"};
    rsync.upload(layout_.localRun, layout_.remoteRun, run);
    RsyncSelection configOnly;
    configOnly.files = {"config.json"};
    rsync.upload(layout_.localRun, layout_.remoteRun, configOnly);
}

void RemoteRun::start(bool fresh) const {
    shell_.check(scripts::start(layout_.remoteRun, options_.remoteLogonet, layout_.command,
                                options_.resume, fresh),
                 "starting the engine");
}

int RemoteRun::run(const std::function<void(const std::string&)>& onEvent,
                   const std::atomic<bool>* stop, const Note& note) {
    const RemoteStatus before = status();
    // A run folder never started remotely from here owns no remote results yet: what an ended
    // run left at its place there (the same path, an earlier project) is replaced.
    const bool startedFromHere = fs::exists(recordPath(layout_.localRun));
    if (before.running()) {
        note("attaching to the run in progress on " + shell_.target().display() + " (pid " +
             std::to_string(before.pid) + ")");
    } else if (before.ended() && !options_.resume && startedFromHere) {
        note("the run on " + shell_.target().display() + " has already " +
             (before.state == "failed" ? std::string("failed") : "ended (" + before.state + ")") +
             "; copying its results (give --resume to continue it)");
    } else {
        const bool fresh = before.state == "not started" || !startedFromHere;
        note("copying " + layout_.localRun + " and its cache to " + shell_.target().display() +
             ":" + layout_.remoteRun);
        upload(fresh && !options_.resume);
        writeRecord();
        if (stop != nullptr && stop->load()) {
            note("stopped before the engine started");
            return kStoppedExitCode;
        }
        note("starting the engine on " + shell_.target().display());
        start(fresh && !options_.resume);
    }
    writeRecord();
    const int code = follow(onEvent, stop, note);
    note("copying the results home to " + layout_.localRun);
    fetch();
    return code;
}

int RemoteRun::follow(const std::function<void(const std::string&)>& onEvent,
                      const std::atomic<bool>* stop, const Note& note) {
    EventFollower follower(shell_, layout_.remoteRun,
                           (fs::path(layout_.localRun) / RunFiles::output).string());
    bool cancelled = false;
    auto act = [&] {
        if (stop != nullptr && stop->load() && !cancelled) {
            cancelled = true;
            note("cancelling: the remote engine writes a checkpoint and stops");
            try {
                cancel();
            } catch (const std::exception& error) {
                cancelled = false;  // tried again on the next tick
                note(error.what());
            }
        }
    };
    auto lostSince = std::chrono::steady_clock::time_point();
    double backoff = 1.0;
    while (true) {
        const int code = follower.followOnce(onEvent, act);
        RemoteStatus now;
        bool reached = true;
        try {
            now = status();
        } catch (const std::exception& error) {
            reached = false;
            note(error.what());
        }
        if (reached && now.ended()) {
            // The tail may have been cut before the last lines: read them (no-op otherwise).
            follower.followOnce(onEvent, act);
            if (now.state == "failed") {
                note("the remote engine failed" +
                     (now.exitCode >= 0 ? " (exit code " + std::to_string(now.exitCode) + ")"
                                        : std::string()) +
                     (now.errors.empty() ? std::string() : ": " + now.errors));
            }
            return now.exitCode >= 0 ? now.exitCode : 1;
        }
        if (reached && now.state == "not started") {
            throw std::runtime_error(shell_.target().display() + ":" + layout_.remoteRun +
                                     ": the run is not there any more");
        }
        if (reached && code == 0) {
            lostSince = {};
            backoff = 1.0;
            sleepFor(0.5);
            continue;
        }
        const auto nowTime = std::chrono::steady_clock::now();
        if (lostSince == std::chrono::steady_clock::time_point()) {
            lostSince = nowTime;
        }
        const double lost = std::chrono::duration<double>(nowTime - lostSince).count();
        if (lost > options_.reconnectSeconds) {
            throw std::runtime_error(
                "no connection to " + shell_.target().display() + " for " +
                std::to_string(options_.reconnectSeconds) +
                " s; the run goes on there: reattach with `logonet remote run` or look with "
                "`logonet remote status`");
        }
        note("connection to " + shell_.target().display() + " lost (after " +
             std::to_string(follower.offset()) + " bytes of events); reconnecting in " +
             std::to_string(static_cast<int>(backoff)) + " s");
        for (double waited = 0; waited < backoff; waited += 0.2) {
            act();
            sleepFor(0.2);
        }
        backoff = std::min(backoff * 2, 15.0);
    }
}

void RemoteRun::fetch() const {
    RsyncSelection selection;
    // .tmp-*: a file being written durably (fs/DurableFile.h), incomplete until renamed.
    selection.excludes = {
        "logonet.pid*", "logonet.exit.tmp", "logonet.lock", "logonet.started*", "*.tmp", ".tmp-*"};
    RsyncTransfer(shell_.target()).download(layout_.remoteRun, layout_.localRun, selection);
    // rsync skips links (--no-links); a link here anyway was planted some other way, and every
    // later read of the run folder must not go through it.
    std::error_code error;
    for (fs::recursive_directory_iterator it(layout_.localRun, error), end; !error && it != end;
         it.increment(error)) {
        if (it->is_symlink(error)) {
            throw std::runtime_error(it->path().string() +
                                     " is a symbolic link; refusing to follow it (remove it and "
                                     "fetch again)");
        }
    }
}

bool RemoteRun::cancel() const {
    const std::string answer =
        shell_.check(scripts::cancel(layout_.remoteRun), "sending the stop signal");
    return answer.rfind("signalled", 0) == 0;
}

}  // namespace logonet::remote
