#ifdef LOGONET_HAVE_STORAGE

#include <iostream>

#include "commands/TrainingCommandSet.h"
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

int runInfer(const CommandLine& line) {
    line.rejectUnknown({"run", "scan", "project", "image", "out", "overlap", "blend", "tta",
                        "probabilities", "checkpoint", "device", "threads", "amp", "json"});
    const bool fromScan = line.has("scan");
    if (fromScan == line.has("image")) {
        throw UsageError("give either --scan ID --project DIR or --image FILE");
    }
    const std::string out = line.required("out");
    const training::RunInference inference(line.required("run"), inferenceOptionsFrom(line));
    ImageVolume image;
    std::optional<Project> project;
    int64_t scanId = 0;
    if (fromScan) {
        project.emplace(Project::open(line.required("project"), Project::Access::Shared));
        scanId = line.integer("scan", 0);
        image = project->loadImage(scanId);
    } else {
        image = readImage(line.required("image"));
    }
    ImageVolume foreground;
    const bool withProbabilities = line.has("probabilities");
    const LabelVolume labels = inference.predict(image, withProbabilities ? &foreground : nullptr);
    writeLabelMap(labels, out);
    if (withProbabilities) {
        writeImage(foreground, line.required("probabilities"), StoredPixelType::Float);
    }
    int64_t versionId = 0;
    if (project) {
        versionId = project->addLabelVersion(scanId, "prediction", labels, inference.runName()).id;
    }
    if (line.flag("json")) {
        Json done = Json::object();
        done["event"] = "finished";
        done["out"] = out;
        done["checkpoint"] = inference.checkpointPath();
        if (versionId != 0) {
            done["label_version"] = Json(versionId);
        }
        std::cout << done.dump() << std::endl;
    } else {
        std::cout << "wrote " << out << " (" << labels.geometry().describe() << ")";
        if (versionId != 0) {
            std::cout << "; stored as label version " << versionId << " of scan " << scanId;
        }
        std::cout << "\n";
    }
    return 0;
}

}  // namespace

Command inferCommand() {
    Command command;
    command.name = "infer";
    command.summary = "segment a scan with a trained run (sliding window, original grid)";
    command.usage =
        "usage: logonet infer --run RUNDIR (--scan ID --project DIR | --image FILE)\n"
        "         --out FILE.nii.gz [--overlap 0.5] [--blend gaussian|constant] [--tta]\n"
        "         [--probabilities FILE.nii.gz] [--checkpoint FILE] [--device cpu|cuda]\n"
        "         [--threads T] [--amp] [--json]\n"
        "The label map is written on the scan's own grid with its geometry; with --project it\n"
        "is also stored as a 'prediction' label version of the scan. --probabilities writes the\n"
        "probability of foreground (1 - p(background)) on the same grid. --amp predicts under\n"
        "autocast: bfloat16 on the CPU (fast where the CPU has AVX-512 BF16 or AMX), float16 on\n"
        "CUDA; labels may differ from float32 at organ borders.";
    command.flags = {"tta", "amp", "json"};
    command.run = runInfer;
    return command;
}

}  // namespace logonet::cli

#endif
