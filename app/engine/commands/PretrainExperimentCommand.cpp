#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>

#include "commands/PretrainCommandSet.h"
#include "commands/TrainingCommandSet.h"

#ifdef LOGONET_HAVE_STORAGE
#include <unistd.h>

#include "commands/PretrainExperimentFile.h"
#include "commands/PretrainExperimentProjects.h"
#include "commands/PretrainExperimentSize.h"
#include "commands/PretrainProjectData.h"
#include "commands/TrainingEvaluation.h"
#include "json/Json.h"
#include "pretrain/PretrainConfig.h"
#include "pretrain/PretrainingRun.h"
#include "run/RunFolder.h"
#endif

namespace logonet::cli {

namespace {

#ifdef LOGONET_HAVE_STORAGE
namespace fs = std::filesystem;

int runCommand(const Command& command, const std::vector<std::string>& arguments) {
    return command.run(CommandLine(arguments, command.flags));
}

struct Statistics {
    double mean = 0.0;
    double sd = 0.0;
};

Statistics statisticsOf(const std::vector<double>& values) {
    Statistics s;
    for (const double v : values) {
        s.mean += v / static_cast<double>(values.size());
    }
    for (const double v : values) {
        s.sd += (v - s.mean) * (v - s.mean);
    }
    // Sample standard deviation over the seeds (0 for one seed).
    s.sd = values.size() > 1 ? std::sqrt(s.sd / static_cast<double>(values.size() - 1)) : 0.0;
    return s;
}

Json statisticsJson(const Statistics& s) {
    return Json(Json::Object{{"mean", s.mean}, {"sd", s.sd}});
}

// The experiment's pre-trainings: the method and its three controls.
struct PretrainArm {
    std::string name;
    bool mask = true;
    int64_t clusterers = 0;  // 0: all
    bool shuffled = false;
};

std::string pretrainArm(Project& project, const PretrainArm& arm, const ExperimentSize& size) {
    PretrainSettings settings;
    settings.run = "experiment-pretrain-" + arm.name;
    settings.architecture = "logonet-tiny";
    settings.iterations = size.pretrainIterations;
    settings.batch = 2;  // at 32^3 logonet-tiny's deepest map is one voxel
    settings.learningRate = 1e-3;
    settings.mask = arm.mask;
    settings.clusterers = arm.clusterers;
    settings.seed = 1;
    settings.threads = std::stoll(size.threads);
    // Each drawn crop's labels permuted over its slices: the label counts stay, what a label
    // says about a slice goes.
    settings.shuffleLabels = arm.shuffled;
    const std::string directory = pretrainRunFor(project, settings);
    const auto result =
        training::PretrainingRun(training::PretrainConfig::read(directory), directory)
            .run(false, {}, &stopRequested());
    std::cerr << "experiment: pre-trained '" << arm.name << "' (" << result.steps
              << " steps, final loss " << result.finalLoss << ")";
    if (result.pretext.isObject()) {
        std::cerr << ", pretext accuracy " << result.pretext.at("accuracy").dump() << " (chance "
                  << result.pretext.at("chance").dump() << ", position-only "
                  << result.pretext.at("position_only").dump() << ", crop-majority "
                  << result.pretext.at("crop_majority").dump() << ")";
    }
    std::cerr << "\n";
    return directory;
}

// Fine-tunes on `cases` (a subset of the project's training cases) from scratch or from `init`
// and returns the mean Dice on the test split.
double fineTune(Project& project, const std::string& projectDir, const std::string& run,
                const std::vector<std::string>& cases, const std::string& init,
                const std::string& initScope, int64_t seed, const ExperimentSize& size) {
    std::vector<std::string> arguments =
        experimentTrainArguments(projectDir, run, size.fineTuneIterations, seed, size.threads);
    arguments.push_back("--setup-only");
    if (!init.empty()) {
        arguments.insert(arguments.end(), {"--init", init, "--init-scope", initScope});
    }
    std::cerr.flush();
    if (runCommand(trainCommand(), arguments) != 0) {
        throw std::runtime_error("experiment: setting up " + run + " failed");
    }
    const std::string directory = projectDir + "/runs/" + run;
    training::RunFolder folder(directory);
    Json config = folder.readConfig();
    Json list = Json::array();
    for (const auto& id : cases) {
        list.push_back(Json(id));
    }
    config["train_cases"] = list;
    config["val_cases"] = Json::array();
    folder.writeConfig(config);
    if (runCommand(trainCommand(), {"--run", directory}) != 0) {
        throw std::runtime_error("experiment: training " + run + " failed");
    }
    at::set_num_threads(static_cast<int>(std::stoll(size.threads)));
    return evaluateRun(project, directory, "test", training::RunInferenceOptions{})
        .result.value("mean_dice", 0.0);
}

std::vector<std::string> trainingPool(const std::string& projectDir, const ExperimentSize& size) {
    // A set-up-only run lists the training cases (and prepares them) without training.
    if (runCommand(trainCommand(),
                   {"--project", projectDir, "--run", "experiment-pool", "--arch", "logonet-tiny",
                    "--crop", "32,32,32", "--threads", size.threads, "--setup-only"}) != 0) {
        throw std::runtime_error("experiment: could not list the training cases");
    }
    std::vector<std::string> pool;
    const Json config = training::RunFolder(projectDir + "/runs/experiment-pool").readConfig();
    for (const auto& id : config.at("train_cases").asArray()) {
        pool.push_back(id.asString());
    }
    return pool;
}

int runExperiment(const CommandLine& line) {
    line.rejectUnknown({"project", "quick", "json", "dir", "counts", "seeds", "unlabeled",
                        "held-out", "clusterers", "k-min", "k-max", "pretrain-iters", "iters",
                        "threads", "control-counts", "controls", "supervised-cases"});
    const ExperimentSize size = experimentSizeFrom(line);
    const bool json = line.flag("json");
    const auto started = std::chrono::steady_clock::now();
    const int64_t needed = *std::max_element(size.counts.begin(), size.counts.end());
    const bool supervised = std::find(size.controls.begin(), size.controls.end(), "supervised") !=
                                size.controls.end() &&
                            !size.controlCounts.empty();
    std::string projectDir;
    fs::path dir;
    if (line.has("project")) {
        if (supervised) {
            throw UsageError(
                "--controls supervised trains on generated phantoms of its own: not with "
                "--project (a lab's scans and the phantoms' organs differ)");
        }
        projectDir = line.required("project");
        Project project = Project::open(projectDir, Project::Access::Shared);
        int64_t labeled = 0;
        int64_t test = 0;
        int64_t unlabeled = 0;
        for (const ScanRecord& scan : project.scans()) {
            labeled += scan.labeled && scan.split != "test" ? 1 : 0;
            test += scan.labeled && scan.split == "test" ? 1 : 0;
            unlabeled += scan.labeled ? 0 : 1;
        }
        if (labeled < needed || test < 1 || unlabeled < 3) {
            throw std::runtime_error(
                projectDir + ": the experiment needs " + std::to_string(needed) +
                " labeled training scans, 1 or more labeled test scans and 3 or more unlabeled "
                "ones; the project has " +
                std::to_string(labeled) + ", " + std::to_string(test) + " and " +
                std::to_string(unlabeled));
        }
        if (test < 6) {
            std::cerr << "experiment: only " << test
                      << " held-out (test) scans; 6 or more make the comparison steadier\n";
        }
    } else {
        dir = line.has("dir")
                  ? fs::path(line.required("dir"))
                  : fs::temp_directory_path() / ("logonet-experiment-" + std::to_string(getpid()));
        // `needed` labeled training cases (the pool the seeds rotate through) and the held-out
        // ones; pre-training (clustering, crops) and fine-tuning prepare them with the project's
        // settings.
        projectDir =
            phantomExperimentProject(dir, needed + size.heldOut, size.heldOut, 100, size.unlabeled);
    }
    const std::vector<std::string> pool = trainingPool(projectDir, size);
    if (static_cast<int64_t>(pool.size()) < needed) {
        throw std::runtime_error(projectDir + ": " + std::to_string(needed) +
                                 " labeled training cases needed, the project has " +
                                 std::to_string(pool.size()));
    }
    Project project = Project::open(projectDir, Project::Access::Shared);
    ClusterSettings clustering;
    clustering.clusterers = size.clusterers;
    clustering.kMin = size.kMin;
    clustering.kMax = size.kMax;
    clustering.subset = 0.5;
    clustering.iterations = 30;
    clustering.crop = 32;
    clustering.seed = 1;
    // The spec's "all scans": the labeled training cases too (never the held-out test ones,
    // which pretrainScans() leaves out).
    clustering.includeLabeled = true;
    at::set_num_threads(static_cast<int>(std::stoll(size.threads)));
    const Json clustered = clusterProject(project, clustering, {});
    std::cerr << "experiment: clustered " << clustered.value("slices", int64_t{0}) << " slices of "
              << clustered.value("scans", int64_t{0})
              << " scans (the unlabeled and the labeled training ones)\n";

    std::vector<PretrainArm> arms{{"pretrained", true, 0, false},
                                  {"no_masking", false, 0, false},
                                  {"one_clusterer", true, 1, false},
                                  {"shuffled_labels", true, 0, true}};
    const auto wanted = [&size](const std::string& name) {
        return name == "pretrained" ||
               (!size.controlCounts.empty() &&
                std::find(size.controls.begin(), size.controls.end(), name) != size.controls.end());
    };
    std::map<std::string, std::string> initOf;
    for (const auto& arm : arms) {
        if (wanted(arm.name)) {
            initOf[arm.name] = pretrainArm(project, arm, size);
        }
    }
    // The encoders-only control fine-tunes from the method's own pre-training.
    initOf["pretrained_encoders"] = initOf.at("pretrained");
    if (supervised) {
        initOf["supervised"] = supervisedInitRun(dir / "supervised", size);
    }

    Json results = Json::object();
    std::string table = "labeled  arm              Dice mean +- sd     paired difference\n";
    for (const int64_t count : size.counts) {
        std::map<std::string, std::vector<double>> dice;
        Json pairs = Json::array();
        const bool controls = std::find(size.controlCounts.begin(), size.controlCounts.end(),
                                        count) != size.controlCounts.end();
        for (int64_t seed = 1; seed <= size.seeds; ++seed) {
            // The seed picks the cases (a rotation of the pool); every arm gets the same ones.
            std::vector<std::string> cases;
            for (int64_t i = 0; i < count; ++i) {
                cases.push_back(pool[static_cast<size_t>((seed - 1 + i) % pool.size())]);
            }
            Json pair(Json::Object{{"seed", Json(seed)}});
            Json caseList = Json::array();
            for (const auto& id : cases) {
                caseList.push_back(Json(id));
            }
            pair["cases"] = caseList;
            Json scores = Json::object();
            for (const std::string arm : {"scratch", "pretrained", "no_masking", "one_clusterer",
                                          "shuffled_labels", "pretrained_encoders", "supervised"}) {
                // Scratch and the method at every count, the controls at the control counts.
                if (arm != "scratch" && arm != "pretrained" && (!controls || !wanted(arm))) {
                    continue;
                }
                const std::string run = "experiment-" + arm + "-n" + std::to_string(count) + "-s" +
                                        std::to_string(seed);
                const double value = fineTune(
                    project, projectDir, run, cases, arm == "scratch" ? "" : initOf.at(arm),
                    arm == "pretrained_encoders" ? "encoders" : "branches", seed, size);
                std::cerr << "experiment: " << count << " labeled, seed " << seed << ", " << arm
                          << ": mean Dice " << value << "\n";
                dice[arm].push_back(value);
                scores[arm] = value;
            }
            pair["dice"] = scores;
            pairs.push_back(pair);
        }
        std::vector<double> differences;
        for (size_t s = 0; s < dice["scratch"].size(); ++s) {
            differences.push_back(dice["pretrained"][s] - dice["scratch"][s]);
        }
        Json armJson = Json::object();
        for (const auto& [arm, values] : dice) {
            const Statistics stats = statisticsOf(values);
            armJson[arm] = statisticsJson(stats);
            char row[160];
            std::snprintf(row, sizeof row, "%-8lld %-16s %.3f +- %.3f",
                          static_cast<long long>(count), arm.c_str(), stats.mean, stats.sd);
            table += row;
            if (arm != "scratch") {
                std::vector<double> paired;
                for (size_t s = 0; s < values.size(); ++s) {
                    paired.push_back(values[s] - dice["scratch"][s]);
                }
                const Statistics d = statisticsOf(paired);
                std::snprintf(row, sizeof row, "      %+.3f +- %.3f", d.mean, d.sd);
                table += row;
            }
            table += "\n";
        }
        results[std::to_string(count)] =
            Json(Json::Object{{"arms", armJson},
                              {"paired_difference", statisticsJson(statisticsOf(differences))},
                              {"pairs", pairs}});
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    (json ? std::cerr : std::cout) << "Mean Dice on the held-out scans, " << size.seeds
                                   << " paired seeds (paired difference: arm minus scratch), "
                                   << static_cast<int64_t>(seconds) << " s in all:\n"
                                   << table;
    if (json) {
        std::cout << results.dump() << std::endl;
    }
    std::cerr << "experiment: results written to "
              << writePretrainingExperiment(projectDir, results, size.seeds, line.flag("quick"),
                                            seconds)
              << "\n";
    return 0;
}
#endif

}  // namespace

Command experimentPretrainingCommand() {
    Command command;
    command.name = "experiment pretraining";
    command.summary = "does pre-training help? scratch vs pre-trained with 1, 2, 4 labeled cases";
    command.usage =
        "usage: logonet experiment pretraining [--project P | --dir DIR] [--quick] [--json]\n"
        "         [--counts 1,2,4] [--seeds 3] [--threads 2]\n"
        "         [--unlabeled 50] [--held-out 6] [--clusterers 10] [--k-min 80] [--k-max 500]\n"
        "         [--pretrain-iters 400]\n"
        "         [--iters 300] [--control-counts 1,2 | none] [--controls NAME,... | none]\n"
        "Pre-trains logonet-tiny on the unlabeled scans (clustering with K in [k-min, k-max], the\n"
        "spec's 80-500 by default, then masked multi-clusterer\n"
        "pre-training at lr 1e-3), then fine-tunes it with each count of labeled cases, from\n"
        "scratch and from the pre-trained weights (same schedule, lr 3e-3, crop 32^3 at 3x3x4 "
        "mm),\n"
        "over paired seeds (the seed picks the cases; every arm gets the same ones), and scores\n"
        "each run's mean Dice on the held-out (test) scans. Pre-training uses the unlabeled\n"
        "and the labeled training scans (never the test ones). Controls (--controls), fine-tuned\n"
        "with the --control-counts: no_masking, one_clusterer, shuffled_labels (each pre-trained\n"
        "its own way) and pretrained_encoders (the method's encoders only, decoders new); on\n"
        "request (not with --project) supervised, the upper bound: fine-tuned from logonet-tiny\n"
        "trained with labels on --supervised-cases (8) other phantoms for the pre-training's\n"
        "number of steps.\n"
        "Without --project\n"
        "a phantom project is generated (--unlabeled unlabeled, --held-out test phantoms), in DIR\n"
        "or a new temporary folder. --quick: 12 unlabeled, 3 clusterers, 300 pre-training and 50\n"
        "fine-tuning steps, K 8-16, the controls shuffled_labels and pretrained_encoders with 1\n"
        "case.\n"
        "A project with too few labeled training scans for the counts is refused before any\n"
        "training. The project's clustering is replaced.\n"
        "Output: a table (mean Dice +- sd per arm and count, paired difference arm - scratch);\n"
        "with --json it goes to stderr and the last line of stdout is one object: per count\n"
        "(\"1\", \"2\", \"4\") the arms' mean and sd (arms), paired_difference (pre-trained minus\n"
        "scratch: mean, sd) and the pairs (seed, cases, each arm's Dice).";
    command.flags = {"quick", "json"};
#ifdef LOGONET_HAVE_STORAGE
    command.run = runExperiment;
#else
    command.run = refuseWithoutProjectLayer;
#endif
    return command;
}

}  // namespace logonet::cli
