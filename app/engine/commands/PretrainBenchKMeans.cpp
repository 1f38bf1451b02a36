#include <cstdio>
#include <iostream>

#include "bench/KMeansBenchmark.h"
#include "commands/PretrainCommandSet.h"
#include "json/Json.h"

namespace logonet::cli {

namespace {

int runBenchKMeans(const CommandLine& line) {
    line.rejectUnknown(
        {"npy", "k", "batch", "epochs", "lloyd", "seed-rows", "seed", "threads", "device", "json"});
    training::KMeansBenchmarkOptions options;
    options.npyPath = line.required("npy");
    options.clusters = line.integer("k", 100);
    options.batchRows = line.integer("batch", 1024);
    options.epochs = line.integer("epochs", 10);
    options.lloydPasses = line.integer("lloyd", 0);
    if (options.clusters < 1 || options.batchRows < 1 || options.epochs < 1) {
        throw UsageError("--k, --batch and --epochs must be positive");
    }
    if (options.lloydPasses < 0 || options.lloydPasses > options.epochs) {
        throw UsageError(
            "--lloyd must lie in [0, --epochs]: it is the share of the passes spent "
            "as full Lloyd passes");
    }
    options.threads = static_cast<int>(line.integer("threads", 2));
    options.device = line.option("device", "cpu");
    options.seedRows = line.integer("seed-rows", 0);
    options.seed = static_cast<uint64_t>(line.integer("seed", 0));
    const training::KMeansBenchmarkResult bench = training::runKMeansBenchmark(options);

    if (line.flag("json")) {
        Json result = Json::object();
        result["seconds"] = bench.seconds;
        result["load_seconds"] = bench.loadSeconds;
        result["seed_seconds"] = bench.seedSeconds;
        result["refine_seconds"] = bench.refineSeconds;
        result["inertia_seconds"] = bench.inertiaSeconds;
        result["inertia"] = bench.inertia;
        result["rows"] = bench.rows;
        result["columns"] = bench.columns;
        result["k"] = options.clusters;
        result["steps"] = bench.steps;
        result["lloyd_passes"] = options.lloydPasses;
        result["threads"] = bench.threads;
        std::cout << result.dump() << "\n";
    } else {
        std::printf(
            "k-means on %lld x %lld rows, K=%lld: %lld mini-batch steps of %lld rows + %lld "
            "Lloyd passes in %.3f s (seeding %.3f s, steps and passes %.3f s, final inertia %.3f "
            "s; reading the file took %.3f s), inertia %.6g\n",
            static_cast<long long>(bench.rows), static_cast<long long>(bench.columns),
            static_cast<long long>(options.clusters), static_cast<long long>(bench.steps),
            static_cast<long long>(options.batchRows), static_cast<long long>(options.lloydPasses),
            bench.seconds, bench.seedSeconds, bench.refineSeconds, bench.inertiaSeconds,
            bench.loadSeconds, bench.inertia);
    }
    return 0;
}

}  // namespace

Command benchKMeansCommand() {
    Command command;
    command.name = "bench kmeans";
    command.summary = "time mini-batch k-means on a float32 .npy matrix (rows = samples)";
    command.usage =
        "usage: logonet bench kmeans --npy FILE.npy --k K [--batch 1024] [--epochs 10]\n"
        "                            [--lloyd EPOCHS] [--seed-rows N] [--seed S] [--threads 2]\n"
        "                            [--device cpu|cuda] [--json]\n\n"
        "Fits one clusterer: k-means++ seeding on a sample of --seed-rows rows (default\n"
        "max(batch, 3 K)), mini-batch steps (per-centre learning rates, as the `cluster` command\n"
        "and scikit-learn's MiniBatchKMeans) for (epochs - lloyd) passes over the rows, then\n"
        "`lloyd` full Lloyd passes (default 0: exactly scikit-learn's procedure; --lloyd\n"
        "EPOCHS spends every pass on Lloyd steps, as Faiss does, for a lower inertia). Reports\n"
        "the seconds (seeding, passes and the final assignment; not reading the file) and the\n"
        "inertia over all rows. Compare with bench/kmeans_compare.py.";
    command.flags = {"json"};
    command.run = runBenchKMeans;
    return command;
}

}  // namespace logonet::cli
