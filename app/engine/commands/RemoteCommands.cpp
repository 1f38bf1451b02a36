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

// The options `remote run --project` hands to the engine command that sets the run folder up
// (`train --setup-only`, or `pretrain --setup-only` with --pretrain).
struct SetupCommand {
    const char* command;
    std::set<std::string> values;
    std::set<std::string> flags;
};
const std::set<std::string> kTrainValues = {
    "arch",      "init",         "init-scope",      "iters",    "epochs",    "batch",
    "crop",      "lr",           "device",          "seed",     "threads",   "accumulate",
    "warmup",    "spacing",      "window",          "modality", "val-every", "dice-weight",
    "ce-weight", "weight-decay", "checkpoint-every"};
const SetupCommand kTrainSetup = {"train", kTrainValues, {"amp", "checkpointing", "no-augment"}};
const SetupCommand kPretrainSetup = {"pretrain",
                                     {"arch", "out", "clusterers", "tau", "phi1", "mask-length",
                                      "phi2", "lr", "iters", "batch", "device", "seed", "threads"},
                                     {"amp", "no-mask"}};

const SetupCommand& setupCommandOf(const CommandLine& line) {
    const bool pretrain = line.flag("pretrain");
    const SetupCommand& chosen = pretrain ? kPretrainSetup : kTrainSetup;
    const SetupCommand& other = pretrain ? kTrainSetup : kPretrainSetup;
    for (const auto* names : {&other.values, &other.flags}) {
        for (const auto& name : *names) {
            if (line.has(name) && !chosen.values.count(name) && !chosen.flags.count(name)) {
                throw UsageError("--" + name +
                                 (pretrain ? " is a fine-tuning option, not one of --pretrain"
                                           : " is a pre-training option: add --pretrain"));
            }
        }
    }
    return chosen;
}

// The run folder: --run DIR, or PROJECT/runs/NAME with --project (its config.json written here
// first by this same engine's `train --setup-only` or `pretrain --setup-only` when it has none
// yet).
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
    const SetupCommand& setup = setupCommandOf(line);
    std::vector<std::string> argv = {fs::read_symlink("/proc/self/exe").string(),
                                     setup.command,
                                     "--project",
                                     line.required("project"),
                                     "--run",
                                     run,
                                     "--setup-only"};
    for (const auto& name : setup.values) {
        for (const auto& value : line.all(name)) {
            argv.insert(argv.end(), {"--" + name, value});
        }
    }
    for (const auto& name : setup.flags) {
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
    // Never from the run folder's remote.json (see recordedOptions).
    options.remoteLogonet = line.option("remote-logonet", options.remoteLogonet);
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
                  "reconnect-timeout", "pretrain"});
    for (const SetupCommand* setup : {&kTrainSetup, &kPretrainSetup}) {
        known.insert(setup->values.begin(), setup->values.end());
        known.insert(setup->flags.begin(), setup->flags.end());
    }
    line.rejectUnknown(known);
    setupCommandOf(line);  // options of the other kind of run: a usage error before any copy
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

std::string remoteConnectionUsage() {
    return "  --host user@host[:port]  the remote host (ssh, key authentication only)\n"
           "  --identity FILE          the private key (default: ssh-agent or ssh's default keys)\n"
           "  --known-hosts FILE       trusted host keys (default ~/.config/logonet/known_hosts;\n"
           "                           add a host with `logonet remote trust`)\n";
}

Command remoteCommand(const RemoteCommandRow& row) {
    Command command;
    command.name = "remote " + row.name;
    command.summary = row.summary;
    command.usage = row.synopsis + remoteConnectionUsage() + row.details;
    command.flags = row.flags;
    command.run = row.run;
    return command;
}

void appendRemoteCommands(std::vector<Command>& commands) {
    const std::string remoteDir =
        "  --remote-dir DIR         the work folder there (default logonet-runs in the home)\n";
    std::vector<RemoteCommandRow> rows = {
        {"run",
         "train or pre-train a run folder on a remote host over ssh and copy the results home",
         "usage: logonet remote run --host user@host[:port] --run RUNDIR [--resume]\n"
         "         [--identity FILE] [--known-hosts FILE] [--remote-dir DIR]\n"
         "         [--remote-logonet PATH] [--progress json] [--reconnect-timeout 600]\n"
         "       logonet remote run --host ... --project DIR --run NAME [train options: --arch\n"
         "         --init CKPT|RUNDIR --iters --batch --crop --lr --device --amp ...]\n"
         "       logonet remote run --host ... --project DIR --run NAME --pretrain [pretrain\n"
         "         options: --arch --clusterers --iters --batch --device --amp --no-mask ...]\n",
         remoteDir +
             "  --remote-logonet PATH    the engine there (default: logonet on its PATH)\n"
             "With --project, a new run folder is set up here first (`train --setup-only`, or\n"
             "`pretrain --setup-only` with --pretrain: the clustered scans' crops and their\n"
             "pseudo-labels; --init weights are copied into the run folder). Copies the run "
             "folder\n"
             "and the cached files it reads (rsync, only what is missing), starts `logonet train\n"
             "--run` (or `pretrain --run`, as its config.json says) there detached from the\n"
             "connection, streams its events (reconnecting after a dropped connection without\n"
             "repeating one) and copies the run folder home when it ends. Run it again to\n"
             "reattach. SIGINT/SIGTERM stop the remote engine after a checkpoint (exit code 3).",
         {"resume", "amp", "checkpointing", "no-augment", "pretrain", "no-mask"},
         runRemoteRun},
        {"status",
         "whether a remote run is running, finished, stopped or failed",
         "usage: logonet remote status --host ... --run RUNDIR [--json]\n",
         remoteDir +
             "Reads the remote pid file, exit code and last events. --json: one object with "
             "state\n(not started, running, finished, stopped, failed), pid, exit_code, step, "
             "total, last_event.",
         {"json"},
         runRemoteStatus},
        {"fetch",
         "copy a remote run's checkpoints, predictions and metrics home now",
         "usage: logonet remote fetch --host ... --run RUNDIR\n",
         remoteDir + "Copies the remote run folder home (whole files only), also while it runs.",
         {},
         runRemoteFetch},
        {"cancel",
         "stop a remote run after a checkpoint (resume with remote run --resume)",
         "usage: logonet remote cancel --host ... --run RUNDIR\n",
         remoteDir + "Sends SIGTERM to the remote engine.",
         {},
         runRemoteCancel}};
    for (auto* more : {remoteInferCommandRows, remoteHostCommandRows}) {
        for (auto& row : more()) {
            rows.push_back(std::move(row));
        }
    }
    for (const auto& row : rows) {
        commands.push_back(remoteCommand(row));
    }
}

}  // namespace logonet::cli
