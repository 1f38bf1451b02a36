// `logonet remote infer`: a project's scans predicted on a remote host, each label map brought
// home, checked and stored exactly as a local `infer` stores it (PredictionStore).
#include <chrono>
#include <filesystem>
#include <iostream>
#include <stdexcept>

#include "commands/RemoteCommandSet.h"

#ifdef LOGONET_HAVE_STORAGE
#include "commands/TrainingCommandSet.h"
#include "commands/TrainingPredictionStore.h"
#include "commands/TrainingRunFit.h"
#include "fs/NoFollowPath.h"
#include "import/LabelAttachment.h"
#include "io/ImageReader.h"
#include "project/Project.h"
#include "remote/RemoteInference.h"
#include "run/RunFolder.h"
#endif

namespace logonet::cli {

#ifdef LOGONET_HAVE_STORAGE

namespace fs = std::filesystem;

namespace {

// The checkpoint local `infer` would choose: best.pt, else last.pt (relative to the run folder).
std::string chosenCheckpoint(const training::RunFolder& run) {
    for (const char* name : {"checkpoints/best.pt", "checkpoints/last.pt"}) {
        if (fs::exists(run.file(name))) {
            return name;
        }
    }
    throw std::runtime_error(run.directory() +
                             ": no checkpoint (checkpoints/best.pt or last.pt); train it first");
}

remote::RemoteScan remoteScanOf(const Project& project, int64_t scanId) {
    const ScanRecord scan = project.scan(scanId);
    const fs::path root = fs::absolute(project.path()).lexically_normal();
    const fs::path file = fs::absolute(project.absolutePath(scan.path)).lexically_normal();
    refuseLinksBelow(root.string(), file.string());
    const fs::path relative = file.lexically_relative(root);
    if (relative.empty() || *relative.begin() == "..") {
        throw std::runtime_error(file.string() + ": scan " + std::to_string(scanId) +
                                 " is not stored inside the project; a remote prediction copies "
                                 "only the project's own files");
    }
    return {scanId, relative.generic_string(), scan.modality};
}

std::vector<std::string> engineArgumentsFrom(const CommandLine& line) {
    std::vector<std::string> words = {"--device", line.option("device", "cpu")};
    for (const char* name : {"overlap", "blend", "threads"}) {
        if (line.has(name)) {
            words.insert(words.end(), {std::string("--") + name, line.required(name)});
        }
    }
    for (const char* name : {"tta", "amp"}) {
        if (line.flag(name)) {
            words.push_back(std::string("--") + name);
        }
    }
    return words;
}

int runRemoteInfer(const CommandLine& line) {
    auto known = remoteConnectionOptions();
    known.insert({"project", "run", "scan", "device", "remote-dir", "remote-logonet", "json",
                  "overlap", "blend", "threads", "tta", "amp"});
    line.rejectUnknown(known);
    const std::string device = line.option("device", "cpu");
    if (device != "cpu" && device != "cuda") {
        throw UsageError("--device must be cpu or cuda");
    }
    if (line.all("scan").empty()) {
        throw UsageError("give at least one --scan ID");
    }
    const remote::SshTarget target = sshTargetFrom(line);
    Project project = Project::open(line.required("project"), Project::Access::Shared);
    const training::RunFolder run(line.required("run"));
    training::FineTuneConfig config;
    try {
        config = training::FineTuneConfig::fromJson(run.readConfig());
    } catch (const JsonError& error) {
        throw std::runtime_error(run.configPath() + ": " + error.what());
    }
    checkRunFitsProject(config, run.name(), project);
    const std::string checkpoint = chosenCheckpoint(run);
    std::vector<remote::RemoteScan> scans;
    for (const std::string& text : line.all("scan")) {
        int64_t id = 0;
        try {
            id = std::stoll(text);
        } catch (const std::exception&) {
            throw UsageError("--scan needs a scan id, got '" + text + "'");
        }
        scans.push_back(remoteScanOf(project, id));  // an unknown id: refused before any copy
    }

    remote::RemoteInferenceOptions options;
    options.remoteDirectory = line.option("remote-dir", options.remoteDirectory);
    options.remoteLogonet = line.option("remote-logonet", options.remoteLogonet);
    options.engineArguments = engineArgumentsFrom(line);
    options.needsCuda = device == "cuda";
    remote::RemoteInference inference(target, project.path(), run.directory(), checkpoint, options);

    PredictionStore store(project, run.name(), run.file(checkpoint), scans.size(),
                          line.flag("json"));
    store.started();
    catchStopSignals();
    auto since = std::chrono::steady_clock::now();
    const auto onPrediction = [&](int64_t scanId, const std::string& file) {
        const std::string from =
            target.display() + ": the prediction of scan " + std::to_string(scanId);
        LabelVolume labels;
        try {
            labels = readLabelMap(file);
        } catch (const ImageReadError& error) {
            // The local copy's name means nothing to the user (it is gone by now).
            std::string why = error.what();
            if (why.rfind(file + ": ", 0) == 0) {
                why.erase(0, file.size() + 2);
            }
            throw std::runtime_error(from + " cannot be read: " + why);
        }
        const ScanRecord scan = project.scan(scanId);
        const ImageGeometry grid = readImageGeometry(project.absolutePath(scan.path));
        if (!labels.geometry().sameGrid(grid)) {
            throw std::runtime_error(from + " is not on the scan's grid: it has " +
                                     describeGrid(labels.geometry()) + "; the scan has " +
                                     describeGrid(grid));
        }
        const auto now = std::chrono::steady_clock::now();
        store.store(scanId, labels, std::chrono::duration<double>(now - since).count());
        since = now;
    };
    const int code = inference.run(
        scans, onPrediction, &stopRequested(),
        [](const std::string& text) { std::cerr << "logonet remote: " << text << std::endl; });
    if (code == 0) {
        store.finished();
    }
    return code;
}

}  // namespace

std::vector<RemoteCommandRow> remoteInferCommandRows() {
    return {{"infer",
             "predict project scans with a trained run on a remote host and store the label maps "
             "here",
             "usage: logonet remote infer --host user@host[:port] --project DIR --run RUNDIR\n"
             "         --scan ID [--scan ID ...] [--device cpu|cuda] [--identity FILE]\n"
             "         [--known-hosts FILE] [--remote-dir DIR] [--remote-logonet PATH] [--json]\n"
             "         [--overlap 0.5] [--blend gaussian|constant] [--tta] [--amp] [--threads T]\n",
             "  --remote-dir DIR         the work folder there (default logonet-runs in the home)\n"
             "  --remote-logonet PATH    the engine there (default: logonet on its PATH)\n"
             "Copies the run's config.json and its best checkpoint (else the last) and the scans'\n"
             "own files (only what is missing) to the project's folder there, runs `logonet "
             "infer\n"
             "--image` on each scan there, and brings each label map home as it is written (no\n"
             "links), checks it against the scan's grid and stores it as a 'prediction' label\n"
             "version named after the run, as `logonet infer --project` does; --json prints the\n"
             "same lines. SIGINT/SIGTERM stop the remote engine (exit code 3); predictions\n"
             "already stored stay.",
             {"json", "tta", "amp"},
             runRemoteInfer}};
}

#else

std::vector<RemoteCommandRow> remoteInferCommandRows() {
    return {};
}

#endif

}  // namespace logonet::cli
