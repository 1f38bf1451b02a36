#ifdef LOGONET_HAVE_STORAGE

#include <chrono>
#include <iostream>

#include "commands/TrainingCommandSet.h"
#include "commands/TrainingPredictionStore.h"
#include "commands/TrainingRunFit.h"
#include "inference/RunInference.h"
#include "io/ImageReader.h"
#include "io/ImageWriter.h"
#include "project/Project.h"

namespace logonet::cli {

namespace {

training::RunInferenceOptions inferenceOptionsFrom(const CommandLine& line) {
    training::RunInferenceOptions options;
    options.overlap = line.number("overlap", 0.5);
    if (options.overlap < 0.0 || options.overlap >= 1.0) {
        throw UsageError("--overlap must be in [0, 1)");
    }
    const std::string blend = line.option("blend", "gaussian");
    if (blend != "gaussian" && blend != "constant") {
        throw UsageError("--blend must be gaussian or constant");
    }
    options.blend =
        blend == "gaussian" ? training::BlendMode::Gaussian : training::BlendMode::Constant;
    options.mirror = line.flag("tta");
    options.checkpoint = line.option("checkpoint", "");
    options.device = line.option("device", "cpu");
    options.amp = line.flag("amp");
    if (line.has("threads")) {
        at::set_num_threads(static_cast<int>(line.integer("threads", 2)));
    }
    return options;
}

// --project with one or more --scan: each prediction stored in the project (and, for one scan,
// also written to --out when given); with --json a progress line per scan for the workstation.
int inferProjectScans(const CommandLine& line, const training::RunInference& inference) {
    Project project = Project::open(line.required("project"), Project::Access::Shared);
    checkRunFitsProject(inference.config(), inference.runName(), project);
    std::vector<int64_t> scanIds;
    for (const std::string& text : line.all("scan")) {
        try {
            scanIds.push_back(std::stoll(text));
        } catch (const std::exception&) {
            throw UsageError("--scan needs a scan id, got '" + text + "'");
        }
        project.scan(scanIds.back());  // an unknown id is refused before any prediction
    }
    const std::string out = line.option("out", "");
    if (!out.empty() && scanIds.size() != 1) {
        throw UsageError("--out takes one scan; several scans are stored in the project only");
    }
    PredictionStore store(project, inference.runName(), inference.checkpointPath(), scanIds.size(),
                          line.flag("json"));
    store.started();
    catchStopSignals();
    for (const int64_t scanId : scanIds) {
        if (stopRequested().load()) {
            std::cerr << "stopped after " << store.done() << " of " << scanIds.size() << " scans\n";
            return 3;
        }
        const auto started = std::chrono::steady_clock::now();
        const LabelVolume labels =
            inference.predict(project.loadImage(scanId), project.scan(scanId).modality);
        if (!out.empty()) {
            writeLabelMap(labels, out);
        }
        store.store(
            scanId, labels,
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(), out);
    }
    store.finished(out);
    return 0;
}

int runInfer(const CommandLine& line) {
    line.rejectUnknown({"run", "scan", "project", "image", "out", "overlap", "blend", "tta",
                        "probabilities", "checkpoint", "device", "threads", "amp", "json",
                        "modality"});
    const bool fromScan = line.has("scan");
    if (fromScan == line.has("image") || fromScan != line.has("project")) {
        throw UsageError("give either --scan ID [--scan ID ...] --project DIR or --image FILE");
    }
    const training::RunInference inference(line.required("run"), inferenceOptionsFrom(line));
    if (fromScan) {
        if (line.has("probabilities") || line.has("modality")) {
            throw UsageError(
                "--probabilities and --modality are for --image FILE (a project "
                "scan has its own modality)");
        }
        return inferProjectScans(line, inference);
    }
    const std::string out = line.required("out");
    const ImageVolume image = readImage(line.required("image"));
    ImageVolume foreground;
    const bool withProbabilities = line.has("probabilities");
    // A project scan's modality, for `remote infer`, which predicts the scan's file there.
    std::string modality = line.option("modality", "");
    if (!modality.empty()) {
        checkModality(modality);
    }
    const LabelVolume labels =
        inference.predict(image, modality, withProbabilities ? &foreground : nullptr);
    writeLabelMap(labels, out);
    if (withProbabilities) {
        writeImage(foreground, line.required("probabilities"), StoredPixelType::Float);
    }
    if (line.flag("json")) {
        Json done = Json::object();
        done["event"] = "finished";
        done["out"] = out;
        done["checkpoint"] = inference.checkpointPath();
        std::cout << done.dump() << std::endl;
    } else {
        std::cout << "wrote " << out << " (" << labels.geometry().describe() << ")\n";
    }
    return 0;
}

}  // namespace

Command inferCommand() {
    Command command;
    command.name = "infer";
    command.summary = "segment a scan with a trained run (sliding window, original grid)";
    command.usage =
        "usage: logonet infer --run RUNDIR --image FILE --out FILE.nii.gz [--modality CT|MR]\n"
        "       logonet infer --run RUNDIR --project DIR --scan ID [--scan ID ...] [--out FILE]\n"
        "         [--overlap 0.5] [--blend gaussian|constant] [--tta]\n"
        "         [--probabilities FILE.nii.gz] [--checkpoint FILE] [--device cpu|cuda]\n"
        "         [--threads T] [--amp] [--json]\n"
        "The label map is written on the scan's own grid with its geometry; with --project each\n"
        "scan's map is stored as a 'prediction' label version named after the run (a run whose\n"
        "labels are not the project's is refused first); with --json a line per scan (event\n"
        "\"predicted\" with scan, label_version, done, total); SIGINT/SIGTERM stop between scans\n"
        "(exit code 3). --modality normalises --image as that modality (a run prepared with\n"
        "modality auto otherwise guesses it from the intensities). --probabilities writes the\n"
        "probability of foreground (1 - p(background)) on the same grid. --amp predicts under\n"
        "autocast: bfloat16 on the CPU (fast where the CPU has AVX-512 BF16 or AMX), float16 on\n"
        "CUDA; labels may differ from float32 at organ borders.";
    command.flags = {"tta", "amp", "json"};
    command.run = runInfer;
    return command;
}

}  // namespace logonet::cli

#endif
