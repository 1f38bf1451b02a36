#ifdef LOGONET_HAVE_STORAGE

#include <iostream>

#include "commands/TrainingCommandSet.h"
#include "evaluation/EvaluationSummary.h"
#include "inference/RunInference.h"
#include "metrics/SegmentationMetrics.h"
#include "project/Project.h"
#include "run/RunFolder.h"
#include "runs/RunStore.h"

namespace logonet::cli {

namespace {

int runEvaluate(const CommandLine& line) {
    line.rejectUnknown({"run", "project", "split", "json", "overlap", "tta", "threads"});
    const std::string split = line.option("split", "test");
    const std::string runDirectory = line.required("run");
    Project project = Project::open(line.required("project"), Project::Access::Shared);
    training::RunInferenceOptions options;
    options.overlap = line.number("overlap", 0.5);
    options.mirror = line.flag("tta");
    if (line.has("threads")) {
        at::set_num_threads(static_cast<int>(line.integer("threads", 2)));
    }
    const training::RunInference inference(runDirectory, options);
    const auto& config = inference.config();
    std::vector<LabelValue> values(config.classValues.begin() + 1, config.classValues.end());
    std::vector<std::string> names(config.classNames.begin() + 1, config.classNames.end());
    training::EvaluationSummary summary(values, names);
    std::vector<RunMetricRow> rows;
    const bool json = line.flag("json");
    int evaluated = 0;
    for (const ScanRecord& scan : project.scans()) {
        if (scan.split != split || !scan.labeled) {
            continue;
        }
        const auto truthVersion = project.currentLabels(scan.id);
        if (!truthVersion) {
            continue;
        }
        const LabelVolume truth = project.loadLabels(truthVersion->id);
        const LabelVolume predicted = inference.predict(project.loadImage(scan.id));
        project.addLabelVersion(scan.id, "prediction", predicted, inference.runName());
        for (const LabelValue value : values) {
            const ClassScore score = scoreClass(predicted, truth, value);
            summary.add(scan.name, value, score);
            if (score.present) {
                rows.push_back({scan.id, value, score.dice, score.hd95});
            }
        }
        ++evaluated;
        if (!json) {
            std::cerr << "evaluated " << scan.name << "\n";
        }
    }
    if (evaluated == 0) {
        throw std::runtime_error("no labeled scans in split '" + split + "' of " + project.path());
    }
    Json result = summary.toJson();
    result["split"] = split;
    result["run"] = inference.runName();
    result["checkpoint"] = inference.checkpointPath();
    const training::RunFolder folder(runDirectory);
    writeJsonFileAtomically(folder.file("evaluation.json"), result);
    RunStore runs(project.database());
    const int64_t runId = runs.recordRun(
        inference.runName(), "finetune",
        runs.status(inference.runName()).empty() ? "finished" : runs.status(inference.runName()),
        config.toJson().dump());
    runs.storeMetrics(runId, rows);
    if (json) {
        Json line = Json::object();
        line["mean_dice"] = result.at("mean_dice");
        line["per_class"] = result.at("per_class");
        line["classes"] = result.at("classes");
        line["cases"] = Json(evaluated);
        std::cout << line.dump() << std::endl;
    } else {
        std::cout << summary.table();
    }
    return 0;
}

}  // namespace

Command evaluateCommand() {
    Command command;
    command.name = "evaluate";
    command.summary = "per-organ Dice and HD95 of a run on a project split";
    command.usage =
        "usage: logonet evaluate --run RUNDIR --project DIR [--split test] [--json] [--tta]\n"
        "         [--overlap 0.5] [--threads T]\n"
        "Predicts every labeled scan of the split, stores the predictions as label versions,\n"
        "scores them on the scans' own grids (Dice, HD95 in mm) and writes evaluation.json to\n"
        "the run folder and the scores to the project database. With --json the last line of\n"
        "stdout is one JSON object with mean_dice and per_class.";
    command.flags = {"json", "tta"};
    command.run = runEvaluate;
    return command;
}

}  // namespace logonet::cli

#endif
