#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "commands/ProjectCommandParts.h"
#include "fs/DurableFile.h"
#include "import/ScanImporter.h"
#include "io/ImageWriter.h"
#include "project/Project.h"

namespace logonet::cli {

namespace {

namespace fs = std::filesystem;

using Clock = std::chrono::steady_clock;

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// A label map with some structure (blocks of the 13 BTCV values), so gzip has work to do.
LabelVolume benchLabels(const Size3& size, int64_t n) {
    ImageGeometry geometry;
    geometry.size = size;
    LabelVolume labels(geometry);
    for (int64_t k = 0; k < size[2]; ++k) {
        for (int64_t j = 0; j < size[1]; ++j) {
            for (int64_t i = 0; i < size[0]; ++i) {
                labels.at(i, j, k) = static_cast<LabelValue>(((i / 16 + j / 16 + k / 8 + n) % 14));
            }
        }
    }
    return labels;
}

// What a label save costs with the durability of issue 15 (file and folder fsync'd before a
// synchronous = FULL commit), the same save with the old NORMAL commit, and the file and folder
// fsyncs alone; "before" (no fsync, NORMAL) is estimated as NORMAL minus the fsyncs.
int runBenchSave(const CommandLine& line) {
    line.rejectUnknown({"size", "repeat", "json"});
    const std::vector<int64_t> size = line.integers("size", {256, 256, 64}, 3);
    const int repeat = std::max<int>(3, static_cast<int>(line.integer("repeat", 7)));
    const fs::path scratch =
        fs::temp_directory_path() / ("logonet-bench-save-" + std::to_string(::getpid()));
    fs::remove_all(scratch);
    struct Remove {
        fs::path path;
        ~Remove() {
            std::error_code ignored;
            fs::remove_all(path, ignored);
        }
    } remove{scratch};
    Project project = Project::create((scratch / "project").string(), LabelSet::btcv());
    const Size3 grid{size[0], size[1], size[2]};
    ImageGeometry geometry;
    geometry.size = grid;
    const std::string source = (scratch / "scan.nii.gz").string();
    writeImage(ImageVolume(geometry, 0.0f), source);
    ImportItem item;
    item.name = "scan";
    item.imagePath = source;
    const int64_t scan = ScanImporter(project).importOne(item, ImportOptions{});

    std::vector<double> full, normal, flushes;
    for (int r = 0; r < repeat; ++r) {
        const LabelVolume labels = benchLabels(grid, r);
        project.database().exec("PRAGMA synchronous = FULL");
        auto start = Clock::now();
        project.addLabelVersion(scan, "correction", labels);
        full.push_back(secondsSince(start));

        project.database().exec("PRAGMA synchronous = NORMAL");
        start = Clock::now();
        project.addLabelVersion(scan, "correction", labels);
        normal.push_back(secondsSince(start));

        // The same bytes written without a flush, then flushed: file and folder.
        const std::string written = project.absolutePath(project.labelVersions(scan).back().path);
        const std::string plain = (scratch / "plain.nii.gz").string();
        fs::copy_file(written, plain, fs::copy_options::overwrite_existing);
        start = Clock::now();
        syncFile(plain);
        syncFolder(scratch.string());
        flushes.push_back(secondsSince(start));
    }
    project.database().exec("PRAGMA synchronous = FULL");
    const double durable = median(full);
    const double normalCommit = median(normal);
    const double flush = median(flushes);
    const double before = std::max(0.0, normalCommit - flush);
    if (line.flag("json")) {
        Json result = Json::object();
        result["benchmark"] = "save";
        result["size"] = Json(Json::Array{size[0], size[1], size[2]});
        result["durable_s"] = durable;
        result["normal_commit_s"] = normalCommit;
        result["file_and_folder_fsync_s"] = flush;
        result["before_estimate_s"] = before;
        std::cout << result.dump() << "\n";
    } else {
        std::cout << "label save " << size[0] << "x" << size[1] << "x" << size[2] << " (median of "
                  << repeat << "): durable " << durable * 1e3 << " ms; with the old NORMAL commit "
                  << normalCommit * 1e3 << " ms; file + folder fsync " << flush * 1e3
                  << " ms; before (estimate) " << before * 1e3 << " ms\n";
    }
    return 0;
}

}  // namespace

void appendSaveBenchmark(std::vector<Command>& commands) {
    commands.push_back(
        {"bench save",
         "time a durable label save against the old undurable one",
         "usage: logonet bench save [--size X,Y,Z] [--repeat N] [--json]\n"
         "Median of N (default 7) label saves of X,Y,Z voxels (default 256,256,64) into a\n"
         "scratch project: as shipped (file and folder fsync'd, synchronous = FULL commit), with\n"
         "a NORMAL commit, and the file and folder fsyncs alone.",
         {"json"},
         runBenchSave});
}

}  // namespace logonet::cli
