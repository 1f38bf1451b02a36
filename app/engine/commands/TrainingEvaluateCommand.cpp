#ifdef LOGONET_HAVE_STORAGE

#include <iostream>

#include "commands/TrainingCommandSet.h"
#include "commands/TrainingEvaluation.h"
#include "inference/RunInference.h"
#include "project/Project.h"

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
    const bool json = line.flag("json");
    const RunEvaluation evaluation = evaluateRun(
        project, runDirectory, split, options, [&](const std::string& name, int done, int total) {
            if (!json) {
                std::cerr << "evaluated " << name << "\n";
                return;
            }
            // Progress for the workstation, which follows stdout.
            std::cout << Json(Json::Object{{"event", "evaluated"},
                                           {"case", name},
                                           {"done", Json(done)},
                                           {"total", Json(total)}})
                             .dump()
                      << std::endl;
        });
    const Json& result = evaluation.result;
    if (json) {
        Json line = Json::object();
        line["mean_dice"] = result.at("mean_dice");
        line["per_class"] = result.at("per_class");
        line["classes"] = result.at("classes");
        line["cases"] = Json(evaluation.cases);
        std::cout << line.dump() << std::endl;
    } else {
        std::cout << evaluation.table;
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
        "the run folder and the scores to the project database. With --json stdout has one\n"
        "progress line per scored scan (event \"evaluated\" with case, done and total) and its\n"
        "last line is one JSON object with mean_dice and per_class.";
    command.flags = {"json", "tta"};
    command.run = runEvaluate;
    return command;
}

}  // namespace logonet::cli

#endif
