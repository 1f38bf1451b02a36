#include <torch/torch.h>

#include <chrono>
#include <cstdio>
#include <iostream>

#include "commands/PretrainCommandSet.h"
#include "json/Json.h"
#include "kmeans/MiniBatchKMeans.h"
#include "kmeans/NpyMatrix.h"

namespace logonet::cli {

namespace {

int runBenchKMeans(const CommandLine& line) {
    line.rejectUnknown(
        {"npy", "k", "batch", "epochs", "lloyd", "seed-rows", "seed", "threads", "device", "json"});
    const std::string path = line.required("npy");
    const int64_t k = line.integer("k", 100);
    const int64_t batch = line.integer("batch", 1024);
    const int64_t epochs = line.integer("epochs", 10);
    const int64_t lloyd = line.integer("lloyd", 0);
    if (k < 1 || batch < 1 || epochs < 1) {
        throw UsageError("--k, --batch and --epochs must be positive");
    }
    if (lloyd < 0 || lloyd > epochs) {
        throw UsageError(
            "--lloyd must lie in [0, --epochs]: it is the share of the passes spent "
            "as full Lloyd passes");
    }
    at::set_num_threads(static_cast<int>(line.integer("threads", 2)));
    const torch::Device device(line.option("device", "cpu"));

    using Clock = std::chrono::steady_clock;
    const auto seconds = [](Clock::time_point from, Clock::time_point to) {
        return std::chrono::duration<double>(to - from).count();
    };
    const auto loading = Clock::now();
    const training::TensorRowSource source(training::readNpyMatrix(path));
    const int64_t rows = source.rows();
    training::KMeansOptions options;
    options.clusters = k;
    options.batchRows = batch;
    // scikit-learn's max_iter counts passes over the data: passes * rows / batch steps.
    options.iterations = (epochs - lloyd) * rows / batch;
    options.lloydPasses = lloyd;
    options.seedRows = line.integer("seed-rows", 0);
    options.seed = static_cast<uint64_t>(line.integer("seed", 0));
    options.device = device;

    // Where the time goes: seeding, the steps and passes, the final assignment of every row.
    const auto synchronize = [&] {
        if (device.is_cuda()) {
            torch::cuda::synchronize();
        }
    };
    const auto start = Clock::now();
    training::MiniBatchKMeans kmeans(options);
    kmeans.seed(source);
    synchronize();
    const auto seeded = Clock::now();
    kmeans.refine(source);
    synchronize();
    const auto refined = Clock::now();
    const auto assignment = kmeans.assign(source);
    synchronize();
    const auto done = Clock::now();
    const double total = seconds(start, done);

    if (line.flag("json")) {
        Json result = Json::object();
        result["seconds"] = total;
        result["load_seconds"] = seconds(loading, start);
        result["seed_seconds"] = seconds(start, seeded);
        result["refine_seconds"] = seconds(seeded, refined);
        result["inertia_seconds"] = seconds(refined, done);
        result["inertia"] = assignment.inertia;
        result["rows"] = rows;
        result["columns"] = source.columns();
        result["k"] = k;
        result["steps"] = options.iterations;
        result["lloyd_passes"] = lloyd;
        result["threads"] = static_cast<int64_t>(at::get_num_threads());
        std::cout << result.dump() << "\n";
    } else {
        std::printf(
            "k-means on %lld x %lld rows, K=%lld: %lld mini-batch steps of %lld rows + %lld "
            "Lloyd passes in %.3f s (seeding %.3f s, steps and passes %.3f s, final inertia %.3f "
            "s; reading the file took %.3f s), inertia %.6g\n",
            static_cast<long long>(rows), static_cast<long long>(source.columns()),
            static_cast<long long>(k), static_cast<long long>(options.iterations),
            static_cast<long long>(batch), static_cast<long long>(lloyd), total,
            seconds(start, seeded), seconds(seeded, refined), seconds(refined, done),
            seconds(loading, start), assignment.inertia);
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
