#include <unistd.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <iostream>

#include "commands/Commands.h"
#include "commands/ProjectCommandParts.h"
#include "import/ScanImporter.h"
#include "io/ItkReadTiming.h"
#include "project/Project.h"

namespace logonet::cli {

namespace {

namespace fs = std::filesystem;

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// A scratch folder removed when the benchmark ends, however it ends.
struct ScratchFolder {
    fs::path path;
    explicit ScratchFolder(const std::string& what)
        : path(fs::temp_directory_path() /
               ("logonet-bench-" + what + "-" + std::to_string(::getpid()))) {
        fs::remove_all(path);
    }
    ~ScratchFolder() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
};

int runBenchImport(const CommandLine& line) {
    line.rejectUnknown({"file", "json", "repeat"});
    const std::string file = line.required("file");
    const int repeat = static_cast<int>(line.integer("repeat", 3));
    double itkBest = 1e30, importBest = 1e30, importCpu = 1e30;
    for (int r = 0; r < std::max(1, repeat); ++r) {
        itkBest = std::min(itkBest, timeItkRead(file));
        ScratchFolder scratch("import");
        Project project = Project::create(scratch.path.string(), LabelSet::btcv());
        ScanImporter importer(project);
        ImportOptions options;
        options.unlabeled = true;
        const auto start = std::chrono::steady_clock::now();
        const std::clock_t cpuStart = std::clock();
        const ImportReport report = importer.importPaths({file}, options);
        importBest = std::min(importBest, secondsSince(start));
        // CPU of all threads: the gzip integrity check runs beside ITK's read on a second core.
        importCpu = std::min(importCpu, double(std::clock() - cpuStart) / CLOCKS_PER_SEC);
        if (!report.failures.empty()) {
            throw std::runtime_error(report.failures.front().message);
        }
    }
    const double ratio = importBest / itkBest;
    if (line.flag("json")) {
        Json result = Json::object();
        result["benchmark"] = "import";
        result["file"] = file;
        result["itk_read_s"] = itkBest;
        result["import_s"] = importBest;
        result["import_cpu_s"] = importCpu;
        result["ratio"] = ratio;
        result["goal_ratio"] = 1.5;
        std::cout << result.dump() << "\n";
    } else {
        std::cout << "ITK read: " << itkBest << " s, full import: " << importBest << " s ("
                  << importCpu << " s CPU), ratio " << ratio << " (goal <= 1.5; best of " << repeat
                  << ")\n";
    }
    return 0;
}

int runBenchProjectOpen(const CommandLine& line) {
    line.rejectUnknown({"scans", "json"});
    const int64_t count = line.integer("scans", 1000);
    ScratchFolder scratch("open");
    {
        Project project = Project::create(scratch.path.string(), LabelSet::btcv());
        Database& database = project.database();
        Transaction transaction(database);
        Statement insert = database.prepare(
            "INSERT INTO scans (name, path, content_hash, size_x, size_y, size_z, spacing_x, "
            "spacing_y, spacing_z, labeled, split, imported_at) "
            "VALUES (?, ?, ?, 512, 512, 300, 0.78, 0.78, 1.5, ?, 'train', '2026-01-01T00:00:00Z')");
        for (int64_t n = 0; n < count; ++n) {
            insert.reset();
            insert.bind(1, "case_" + std::to_string(n)).bind(2, "scans/" + std::to_string(n));
            insert.bind(3, "hash" + std::to_string(n)).bind(4, static_cast<int64_t>(n % 2));
            insert.run();
        }
        transaction.commit();
    }
    const auto start = std::chrono::steady_clock::now();
    const Project project = Project::open(scratch.path.string());
    const double openSeconds = secondsSince(start);
    const std::vector<ScanRecord> scans = project.scans();
    size_t characters = 0;
    for (const ScanRecord& scan : scans) {
        characters += scanJson(scan).dump().size();  // what a table row needs
    }
    const double totalSeconds = secondsSince(start);
    if (line.flag("json")) {
        Json result = Json::object();
        result["benchmark"] = "project-open";
        result["scans"] = static_cast<int64_t>(scans.size());
        result["open_s"] = openSeconds;
        result["open_and_list_s"] = totalSeconds;
        result["goal_s"] = 1.0;
        std::cout << result.dump() << "\n";
    } else {
        std::cout << "opened a project of " << scans.size() << " scans in " << openSeconds
                  << " s; open + listing " << totalSeconds << " s (goal < 1 s; " << characters
                  << " characters of rows)\n";
    }
    return 0;
}

}  // namespace

void appendProjectBenchmarks(std::vector<Command>& commands) {
    commands.push_back({"bench import",
                        "time a full import against ITK reading the file alone",
                        "usage: logonet bench import --file F.nii.gz [--repeat N] [--json]\n"
                        "Best of N (default 3) of: plain ITK reading F, and importing F into a\n"
                        "scratch project (read, checks, content hash, store, database row).\n"
                        "Goal: import <= 1.5 x ITK.",
                        {"json"},
                        runBenchImport});
    commands.push_back({"bench project-open",
                        "time opening and listing a large project",
                        "usage: logonet bench project-open [--scans N] [--json]\n"
                        "Creates a scratch project with N scan rows (default 1000), then times\n"
                        "opening it and building every table row. Goal: < 1 s for 1000 scans.",
                        {"json"},
                        runBenchProjectOpen});
}

}  // namespace logonet::cli
