#include <torch/torch.h>

#include <iostream>

#include "commands/PretrainCommandSet.h"
#include "commands/PretrainProjectData.h"
#include "commands/TrainingCommandSet.h"

namespace logonet::cli {

namespace {

#ifdef LOGONET_HAVE_STORAGE
int runPretrain(const CommandLine& line) {
    line.rejectUnknown({"project", "run", "arch", "out", "clusterers", "tau", "no-mask", "iters",
                        "batch", "device", "amp", "resume", "seed", "progress", "threads"});
    PretrainSettings settings;
    settings.run = line.required("run");
    settings.architecture = line.option("arch", "logonet");
    settings.outChannels = line.integer("out", 0);
    settings.clusterers = line.integer("clusterers", 0);
    settings.tau = line.number("tau", 0.1);
    settings.mask = !line.flag("no-mask");
    settings.iterations = line.integer("iters", 100);
    settings.batch = line.integer("batch", 1);
    settings.device = line.option("device", "cpu");
    settings.resume = line.flag("resume");
    settings.amp = line.flag("amp");
    settings.seed = static_cast<uint64_t>(line.integer("seed", 0));
    if (settings.iterations < 1 || settings.batch < 1) {
        throw UsageError("--iters and --batch must be positive");
    }
    at::set_num_threads(static_cast<int>(line.integer("threads", 2)));
    catchStopSignals();
    TrainingProgress show(line.option("progress", "bar") == "json");
    Project project = Project::open(line.required("project"), Project::Access::Shared);
    const std::string run = pretrainProject(project, settings, [&](const Json& e) { show(e); });
    show.finish();
    std::cout << Json(Json::Object{{"event", "pretrained"}, {"run", run}}).dump() << "\n";
    return 0;
}
#endif

}  // namespace

Command pretrainCommand() {
    Command command;
    command.name = "pretrain";
    command.summary = "pre-train a network on masked slices and k-means pseudo-labels";
    command.usage =
        "usage: logonet pretrain --project DIR --run NAME [--arch logonet] [--out C]\n"
        "                        [--clusterers N] [--tau 0.1] [--no-mask] [--iters 100]\n"
        "                        [--batch 1] [--device cpu|cuda] [--resume] [--seed S]\n"
        "                        [--progress json]\n\n"
        "Needs a clustering (`logonet cluster`). Trains the network plus the pre-training head\n"
        "on the clustered scans (crop and axis of the clustering): tempered cross-entropy\n"
        "(softmax(logits / tau)) over the masked slices, summed over clusterers; AdamW 1e-4,\n"
        "weight decay 1e-5, warm-up + cosine. --no-mask and --clusterers 1 are the paper's\n"
        "ablations. The run folder (runs/NAME) holds config.json, events.jsonl and\n"
        "checkpoints/{last,best}.pt with the network's branches only (no head), which\n"
        "`logonet train --init runs/NAME` loads; --out defaults to the project's classes + 1\n"
        "so that every branch tensor fits the fine-tuning network.";
    command.flags = {"no-mask", "amp", "resume"};
#ifdef LOGONET_HAVE_STORAGE
    command.run = runPretrain;
#else
    command.run = refuseWithoutProjectLayer;
#endif
    return command;
}

}  // namespace logonet::cli
