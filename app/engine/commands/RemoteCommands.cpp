#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <stdexcept>

#include "commands/Commands.h"
#include "commands/RemoteCommandSet.h"
#include "commands/TrainingCommandSet.h"
#include "json/Json.h"
#include "remote/LocalProcess.h"
#include "remote/RemoteRun.h"

namespace logonet::cli {

namespace fs = std::filesystem;

namespace {

// The training options `remote run --project` hands to `train --setup-only`.
const std::set<std::string> kTrainingValues = {
    "arch",        "iters",      "epochs",           "batch",
    "crop",        "lr",         "device",           "seed",
    "threads",     "accumulate", "checkpoint-every", "warmup",
    "spacing",     "window",     "modality",         "val-every",
    "dice-weight", "ce-weight",  "weight-decay"};
const std::set<std::string> kTrainingFlags = {"amp", "checkpointing", "no-augment"};

// The run folder: --run DIR, or PROJECT/runs/NAME with --project (its config.json written here
// first by this same engine's `train --setup-only` when it has none yet).
std::string runFolderFrom(const CommandLine& line, bool prepare) {
    const std::string run = line.required("run");
    if (!line.has("project")) {
        return run;
    }
    if (run.empty() || run.find('/') != std::string::npos || run[0] == '.') {
        throw UsageError("--run NAME with --project is a run name, not a path");
    }
    const std::string folder = (fs::path(line.required("project")) / "runs" / run).string();
    if (!prepare || fs::exists(fs::path(folder) / "config.json")) {
        return folder;
    }
    std::vector<std::string> argv = {fs::read_symlink("/proc/self/exe").string(),
                                     "train",
                                     "--project",
                                     line.required("project"),
                                     "--run",
                                     run,
                                     "--setup-only"};
    for (const auto& name : kTrainingValues) {
        for (const auto& value : line.all(name)) {
            argv.insert(argv.end(), {"--" + name, value});
        }
    }
    for (const auto& name : kTrainingFlags) {
        if (line.flag(name)) {
            argv.push_back("--" + name);
        }
    }
    const remote::ProcessResult made = remote::LocalProcess::run(argv);
    if (made.exitCode != 0) {
        throw std::runtime_error("preparing the run folder failed: " + made.err);
    }
    return folder;
}

remote::RemoteRunOptions runOptionsFrom(const CommandLine& line, const std::string& folder) {
    const remote::RemoteRunOptions recorded = remote::recordedOptions(folder);
    remote::RemoteRunOptions options;
    options.remoteDirectory =
        line.option("remote-dir", recorded.remoteDirectory.empty() ? options.remoteDirectory
                                                                   : recorded.remoteDirectory);
    options.remoteLogonet =
        line.option("remote-logonet", recorded.remoteLogonet.empty() ? options.remoteLogonet
                                                                     : recorded.remoteLogonet);
    options.resume = line.flag("resume");
    options.reconnectSeconds = static_cast<int>(line.integer("reconnect-timeout", 600));
    return options;
}

void note(const std::string& text) {
    std::cerr << "logonet remote: " << text << std::endl;
}

int runRemoteRun(const CommandLine& line) {
    auto known = remoteConnectionOptions();
    known.insert({"run", "project", "remote-dir", "remote-logonet", "resume", "progress",
                  "reconnect-timeout"});
    known.insert(kTrainingValues.begin(), kTrainingValues.end());
    known.insert(kTrainingFlags.begin(), kTrainingFlags.end());
    line.rejectUnknown(known);
    const std::string progressMode = line.option("progress", "bar");
    if (progressMode != "bar" && progressMode != "json") {
        throw UsageError("--progress must be json or bar");
    }
    const remote::SshTarget target = sshTargetFrom(line);
    const std::string folder = runFolderFrom(line, true);
    remote::RemoteRun run(target, folder, runOptionsFrom(line, folder));
    TrainingProgress progress(progressMode == "json");
    catchStopSignals();
    const int code = run.run(
        [&](const std::string& text) {
            if (progressMode == "json") {
                std::cout << text << std::endl;  // the engine's own line, byte for byte
                return;
            }
            try {
                progress(Json::parse(text));
            } catch (const JsonError&) {
                note("engine: " + text);  // not an event: pass it on as words
            }
        },
        &stopRequested(), note);
    progress.finish();
    return code;
}

Json statusJson(const remote::SshTarget& target, const remote::RemoteRun& run,
                const remote::RemoteStatus& status) {
    Json out = Json::object();
    out["host"] = target.display();
    out["run"] = run.layout().localRun;
    out["remote_run"] = run.layout().remoteRun;
    out["state"] = status.state;
    out["pid"] = status.pid >= 0 ? Json(status.pid) : Json(nullptr);
    out["exit_code"] = status.exitCode >= 0 ? Json(status.exitCode) : Json(nullptr);
    for (auto event = status.lastEvents.rbegin(); event != status.lastEvents.rend(); ++event) {
        try {
            const Json parsed = Json::parse(*event);
            if (!out.contains("last_event")) {
                out["last_event"] = parsed;
            }
            if (parsed.value("event", "") == "step" && !out.contains("step")) {
                out["step"] = parsed.value("step", int64_t{0});
                out["total"] = parsed.value("total", int64_t{0});
            }
        } catch (const JsonError&) {
        }
    }
    if (!status.errors.empty()) {
        out["errors"] = status.errors;
    }
    return out;
}

int runRemoteStatus(const CommandLine& line) {
    auto known = remoteConnectionOptions();
    known.insert({"run", "project", "remote-dir", "json"});
    line.rejectUnknown(known);
    const remote::SshTarget target = sshTargetFrom(line);
    const std::string folder = runFolderFrom(line, false);
    const remote::RemoteRun run(target, folder, runOptionsFrom(line, folder));
    const Json out = statusJson(target, run, run.status());
    if (line.flag("json")) {
        std::cout << out.dump() << "\n";
        return 0;
    }
    std::cout << out.at("host").asString() << ":" << out.at("remote_run").asString() << ": "
              << out.at("state").asString();
    if (out.contains("step")) {
        std::cout << ", step " << out.at("step").asInt() << " of " << out.at("total").asInt();
    }
    if (!out.at("exit_code").isNull()) {
        std::cout << ", exit code " << out.at("exit_code").asInt();
    }
    std::cout << "\n";
    if (out.contains("errors")) {
        std::cout << out.at("errors").asString();
    }
    return 0;
}

int runRemoteFetch(const CommandLine& line) {
    auto known = remoteConnectionOptions();
    known.insert({"run", "project", "remote-dir"});
    line.rejectUnknown(known);
    const std::string folder = runFolderFrom(line, false);
    const remote::RemoteRun run(sshTargetFrom(line), folder, runOptionsFrom(line, folder));
    run.fetch();
    std::cout << "copied " << run.layout().remoteRun << " home to " << run.layout().localRun
              << "\n";
    return 0;
}

int runRemoteCancel(const CommandLine& line) {
    auto known = remoteConnectionOptions();
    known.insert({"run", "project", "remote-dir"});
    line.rejectUnknown(known);
    const std::string folder = runFolderFrom(line, false);
    const remote::RemoteRun run(sshTargetFrom(line), folder, runOptionsFrom(line, folder));
    if (run.cancel()) {
        std::cout << "sent the stop signal: the engine writes a checkpoint and stops\n";
    } else {
        std::cout << "the run is not running there\n";
    }
    return 0;
}

const char* kConnectionUsage =
    "  --host user@host[:port]  the remote host (ssh, key authentication only)\n"
    "  --identity FILE          the private key (default: ssh-agent or ssh's default keys)\n"
    "  --known-hosts FILE       trusted host keys (default ~/.config/logonet/known_hosts;\n"
    "                           add a host with `logonet remote trust`)\n"
    "  --remote-dir DIR         the work folder there (default logonet-runs in the home)\n";

}  // namespace

remote::SshTarget sshTargetFrom(const CommandLine& line) {
    remote::SshTarget target;
    try {
        target = remote::SshTarget::parse(line.required("host"));
        if (line.has("identity")) {
            target.setIdentity(line.required("identity"));
        }
        if (line.has("known-hosts")) {
            target.setKnownHosts(line.required("known-hosts"));
        }
    } catch (const std::invalid_argument& error) {
        throw UsageError(std::string("--host: ") + error.what());
    }
    if (line.has("identity") && !fs::exists(target.identity())) {
        throw std::runtime_error(target.identity() + ": no such identity file");
    }
    return target;
}

std::set<std::string> remoteConnectionOptions() {
    return {"host", "identity", "known-hosts"};
}

Command remoteRunCommand() {
    Command command;
    command.name = "remote run";
    command.summary = "train a run folder on a remote host over ssh and copy the results home";
    command.usage =
        std::string(
            "usage: logonet remote run --host user@host[:port] --run RUNDIR [--resume]\n"
            "         [--identity FILE] [--known-hosts FILE] [--remote-dir DIR]\n"
            "         [--remote-logonet PATH] [--progress json] "
            "[--reconnect-timeout 600]\n"
            "       logonet remote run --host ... --project DIR --run NAME [train "
            "options: --arch --iters\n"
            "         --batch --crop --lr --device --amp ...]\n") +
        kConnectionUsage +
        "  --remote-logonet PATH    the engine there (default: logonet on its PATH)\n"
        "Copies the run folder and the cached cases it reads (rsync, only what is "
        "missing), starts\n`logonet train --run` there detached from the connection, "
        "streams its events (reconnecting\nafter a dropped connection without repeating "
        "one) and copies the run folder home when it\nends. Run it again to reattach. "
        "SIGINT/SIGTERM stop the remote engine after a checkpoint\n(exit code 3).";
    command.flags = {"resume", "amp", "checkpointing", "no-augment"};
    command.run = runRemoteRun;
    return command;
}

Command remoteStatusCommand() {
    Command command;
    command.name = "remote status";
    command.summary = "whether a remote run is running, finished, stopped or failed";
    command.usage = std::string("usage: logonet remote status --host ... --run RUNDIR [--json]\n") +
                    kConnectionUsage +
                    "Reads the remote pid file, exit code and last events. --json: one object "
                    "with state\n(not started, running, finished, stopped, failed), pid, "
                    "exit_code, step, total, last_event.";
    command.flags = {"json"};
    command.run = runRemoteStatus;
    return command;
}

Command remoteFetchCommand() {
    Command command;
    command.name = "remote fetch";
    command.summary = "copy a remote run's checkpoints, predictions and metrics home now";
    command.usage = std::string("usage: logonet remote fetch --host ... --run RUNDIR\n") +
                    kConnectionUsage +
                    "Copies the remote run folder home (whole files only), also while it runs.";
    command.run = runRemoteFetch;
    return command;
}

Command remoteCancelCommand() {
    Command command;
    command.name = "remote cancel";
    command.summary = "stop a remote run after a checkpoint (resume with remote run --resume)";
    command.usage = std::string("usage: logonet remote cancel --host ... --run RUNDIR\n") +
                    kConnectionUsage + "Sends SIGTERM to the remote engine.";
    command.run = runRemoteCancel;
    return command;
}

void appendRemoteCommands(std::vector<Command>& commands) {
    commands.push_back(remoteRunCommand());
    commands.push_back(remoteStatusCommand());
    commands.push_back(remoteFetchCommand());
    commands.push_back(remoteCancelCommand());
    commands.push_back(remoteCheckCommand());
    commands.push_back(remoteTrustCommand());
}

}  // namespace logonet::cli
