#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "commands/Commands.h"
#include "editing/BrushTool.h"
#include "editing/LabelEditHistory.h"
#include "editing/LabelEditor.h"
#include "editing/RegionFill.h"
#include "editing/ShapeInterpolation.h"
#include "json/Json.h"

namespace logonet::cli {

namespace {

using Clock = std::chrono::steady_clock;

double millisecondsSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double median(std::vector<double> values) {
    if (values.empty()) {
        return 0.0;
    }
    std::sort(values.begin(), values.end());
    const size_t middle = values.size() / 2;
    return values.size() % 2 ? values[middle] : 0.5 * (values[middle - 1] + values[middle]);
}

// A mouse drag as a user makes one: `dabs` positions on a slowly turning path in an axial
// slice, 1.5 voxels apart (a mouse event every few pixels on a zoomed-in view).
std::vector<Size3> dragPath(const Size3& size, int dabs, std::mt19937& random) {
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const double margin = 12.0;
    double x = margin + unit(random) * (size[0] - 2 * margin);
    double y = margin + unit(random) * (size[1] - 2 * margin);
    const int64_t z = static_cast<int64_t>(unit(random) * static_cast<double>(size[2]));
    double heading = unit(random) * 2.0 * M_PI;
    std::vector<Size3> path;
    for (int n = 0; n < dabs; ++n) {
        heading += (unit(random) - 0.5) * 0.2;
        double nx = x + 1.5 * std::cos(heading), ny = y + 1.5 * std::sin(heading);
        if (nx < margin || nx > size[0] - margin || ny < margin || ny > size[1] - margin) {
            heading += M_PI;  // turn back at the volume's edge
            nx = x + 1.5 * std::cos(heading);
            ny = y + 1.5 * std::sin(heading);
        }
        x = nx;
        y = ny;
        path.push_back({std::llround(x), std::llround(y), z});
    }
    return path;
}

BrushOptions sphereRadius10() {
    BrushOptions options;
    options.radius = 10.0;
    options.extent = BrushOptions::Extent::Volume;
    return options;
}

struct DabTimes {
    double dabMs = 0.0;
    double endStrokeMs = 0.0;
};

// Median time of single dabs scattered over the volume, each one changing a full sphere.
DabTimes measureDabs(LabelVolume& labels, std::mt19937& random) {
    LabelEditor editor(labels);
    BrushTool brush(editor, sphereRadius10(), 1);
    std::uniform_int_distribution<int64_t> i(10, labels.size()[0] - 11),
        j(10, labels.size()[1] - 11), k(0, labels.size()[2] - 1);
    std::vector<double> dabs, ends;
    for (int n = 0; n < 200; ++n) {
        editor.beginStroke();
        const Size3 center{i(random), j(random), k(random)};
        const auto start = Clock::now();
        brush.dab(center);
        dabs.push_back(millisecondsSince(start));
        const auto end = Clock::now();
        editor.endStroke().revert(labels);
        ends.push_back(millisecondsSince(end));
    }
    return {median(dabs), median(ends)};
}

struct StrokeTimes {
    double undoMs = 0.0;
    double redoMs = 0.0;
    int64_t strokeVoxels = 0;
    size_t strokeBytes = 0;
};

// Undo and redo of one 200-dab stroke, several times over.
StrokeTimes measureUndo(LabelVolume& labels, int dabs, std::mt19937& random) {
    LabelEditor editor(labels);
    BrushTool brush(editor, sphereRadius10(), 2);
    LabelEditHistory history;
    editor.beginStroke();
    for (const Size3& at : dragPath(labels.size(), dabs, random)) {
        brush.dab(at);
    }
    history.push("Brush stroke (label 2)", editor.endStroke());
    StrokeTimes times;
    times.strokeVoxels = history.nextUndo()->delta.voxelCount();
    times.strokeBytes = history.nextUndo()->delta.memoryBytes();
    std::vector<double> undos, redos;
    for (int n = 0; n < 11; ++n) {
        auto start = Clock::now();
        history.undo(labels);
        undos.push_back(millisecondsSince(start));
        start = Clock::now();
        history.redo(labels);
        redos.push_back(millisecondsSince(start));
    }
    history.undo(labels);
    times.undoMs = median(undos);
    times.redoMs = median(redos);
    return times;
}

// Resident memory of this process in MB from /proc (0 where there is none): a cross-check of the
// history's own accounting.
double residentMegabytes() {
    std::ifstream status("/proc/self/status");
    std::string key;
    while (status >> key) {
        if (key == "VmRSS:") {
            double kilobytes = 0.0;
            status >> kilobytes;
            return kilobytes / 1024.0;
        }
        status.ignore(1 << 20, '\n');
    }
    return 0.0;
}

struct HistoryFigures {
    double residentMegabytes = 0.0;
    double megabytes = 0.0;
    size_t steps = 0;
    double seconds = 0.0;
};

HistoryFigures measureHistory(LabelVolume& labels, int strokes, int dabs, std::mt19937& random) {
    LabelEditor editor(labels);
    LabelEditHistory::Options options;
    options.memoryCapBytes = size_t{16} << 30;  // no cap: measure what the history would hold
    LabelEditHistory history(options);
    // The editor's one-bit-per-voxel stroke marks are allocated before the resident baseline.
    editor.beginStroke();
    editor.cancelStroke();
    const double residentBefore = residentMegabytes();
    const auto start = Clock::now();
    for (int n = 0; n < strokes; ++n) {
        BrushTool brush(editor, sphereRadius10(), static_cast<LabelValue>(1 + n % 13));
        editor.beginStroke();
        for (const Size3& at : dragPath(labels.size(), dabs, random)) {
            brush.dab(at);
        }
        history.push("Brush stroke", editor.endStroke());
    }
    HistoryFigures figures;
    figures.seconds = millisecondsSince(start) / 1000.0;
    figures.megabytes = static_cast<double>(history.memoryBytes()) / (1024.0 * 1024.0);
    figures.residentMegabytes = residentMegabytes() - residentBefore;
    figures.steps = history.size();
    while (history.undo(labels)) {
    }
    return figures;
}

struct RegionFigures {
    double ms = 0.0;
    int64_t voxels = 0;
};

// A closed shell of label 1 around a sphere of about a million voxels, filled from its centre.
RegionFigures measureFill(LabelVolume& labels) {
    const Size3& size = labels.size();
    const double radius = std::min<double>(62.0, 0.5 * std::min(size[0], size[1]) - 2.0);
    const Size3 c{size[0] / 2, size[1] / 2, size[2] / 2};
    const int64_t reach = static_cast<int64_t>(radius) + 1;
    for (int64_t k = std::max<int64_t>(0, c[2] - reach); k <= std::min(size[2] - 1, c[2] + reach);
         ++k) {
        for (int64_t j = c[1] - reach; j <= c[1] + reach; ++j) {
            for (int64_t i = c[0] - reach; i <= c[0] + reach; ++i) {
                const double r = std::sqrt(double(
                    (i - c[0]) * (i - c[0]) + (j - c[1]) * (j - c[1]) + (k - c[2]) * (k - c[2])));
                if (r > radius && r <= radius + 1.5) {
                    labels.at(i, j, k) = 1;
                }
            }
        }
    }
    LabelEditor editor(labels);
    const auto start = Clock::now();
    editor.beginStroke();
    const RegionFill::Result result = RegionFill::fill(editor, c, 2, FillOptions{});
    const LabelDelta delta = editor.endStroke();
    RegionFigures figures{millisecondsSince(start), result.changedVoxels};
    delta.revert(labels);
    std::fill(labels.voxels().begin(), labels.voxels().end(), LabelValue(0));
    return figures;
}

// Two annotated axial slices 90 apart, discs of radius 64 and 54: about a million voxels between
// them.
RegionFigures measureInterpolation(LabelVolume& labels) {
    const Size3& size = labels.size();
    const int64_t gap = std::min<int64_t>(90, size[2] - 1);
    const int64_t k0 = (size[2] - 1 - gap) / 2;
    const double radius = std::min<double>(64.0, 0.5 * std::min(size[0], size[1]) - 1.0);
    for (int64_t k : {k0, k0 + gap}) {
        const double r = k == k0 ? radius : 0.85 * radius;
        for (int64_t j = 0; j < size[1]; ++j) {
            for (int64_t i = 0; i < size[0]; ++i) {
                const double di = i - size[0] / 2.0, dj = j - size[1] / 2.0;
                if (di * di + dj * dj <= r * r) {
                    labels.at(i, j, k) = 3;
                }
            }
        }
    }
    LabelEditor editor(labels);
    const auto start = Clock::now();
    const LabelDelta preview = ShapeInterpolation::preview(editor, 3, 2);
    RegionFigures figures{millisecondsSince(start), preview.voxelCount()};
    std::fill(labels.voxels().begin(), labels.voxels().end(), LabelValue(0));
    return figures;
}

int runBenchEdit(const CommandLine& line) {
    line.rejectUnknown({"size", "strokes", "dabs", "json"});
    const std::vector<int64_t> extent = line.integers("size", {512, 512, 300}, 3);
    for (int64_t n : extent) {
        if (n < 32 || n > 4096) {
            throw UsageError("--size needs three extents between 32 and 4096 voxels");
        }
    }
    const int strokes = static_cast<int>(line.integer("strokes", 1000));
    const int dabs = static_cast<int>(line.integer("dabs", 200));
    if (strokes < 1 || dabs < 1) {
        throw UsageError("--strokes and --dabs must be at least 1");
    }
    ImageGeometry geometry;
    geometry.size = {extent[0], extent[1], extent[2]};
    LabelVolume labels(geometry);
    std::mt19937 random(2024);

    const DabTimes dab = measureDabs(labels, random);
    const StrokeTimes stroke = measureUndo(labels, dabs, random);
    const RegionFigures fill = measureFill(labels);
    const RegionFigures interpolation = measureInterpolation(labels);
    const HistoryFigures history = measureHistory(labels, strokes, dabs, random);

    Json result = Json::object();
    result["size"] = Json(Json::Array{Json(extent[0]), Json(extent[1]), Json(extent[2])});
    result["dab_ms"] = dab.dabMs;
    result["end_stroke_ms"] = dab.endStrokeMs;
    result["undo_ms"] = stroke.undoMs;
    result["redo_ms"] = stroke.redoMs;
    result["stroke_dabs"] = dabs;
    result["stroke_voxels"] = stroke.strokeVoxels;
    result["stroke_kb"] = static_cast<double>(stroke.strokeBytes) / 1024.0;
    result["history_mb"] = history.megabytes;
    result["history_strokes"] = history.steps;
    result["history_resident_mb"] = history.residentMegabytes;
    result["history_build_s"] = history.seconds;
    result["fill_ms"] = fill.ms;
    result["fill_voxels"] = fill.voxels;
    result["interpolation_ms"] = interpolation.ms;
    result["interpolation_voxels"] = interpolation.voxels;
    if (line.flag("json")) {
        std::cout << result.dump() << "\n";
        return 0;
    }
    std::printf("label editing on %lldx%lldx%lld voxels\n", static_cast<long long>(extent[0]),
                static_cast<long long>(extent[1]), static_cast<long long>(extent[2]));
    std::printf("  brush dab (3D, radius 10 voxels)   %8.3f ms median (goal < 5)\n", dab.dabMs);
    std::printf("  end of a one-dab stroke            %8.3f ms median\n", dab.endStrokeMs);
    std::printf("  undo of a %d-dab stroke           %8.3f ms median (goal < 20), redo %.3f ms\n",
                dabs, stroke.undoMs, stroke.redoMs);
    std::printf("    that stroke: %lld voxels in %.1f KB\n",
                static_cast<long long>(stroke.strokeVoxels), stroke.strokeBytes / 1024.0);
    std::printf("  history of %zu strokes of %d dabs  %8.1f MB (goal < 100), built in %.1f s\n",
                history.steps, dabs, history.megabytes, history.seconds);
    std::printf("    process memory grew by %.1f MB meanwhile\n", history.residentMegabytes);
    std::printf("  3D fill of %lld voxels            %8.1f ms (goal < 1000)\n",
                static_cast<long long>(fill.voxels), fill.ms);
    std::printf("  interpolation of %lld voxels      %8.1f ms (goal < 1000)\n",
                static_cast<long long>(interpolation.voxels), interpolation.ms);
    return 0;
}

}  // namespace

void appendEditBenchmarks(std::vector<Command>& commands) {
    commands.push_back(
        {"bench edit",
         "time label editing: brush dab, undo, history memory, fill, interpolation",
         "usage: logonet bench edit [--size X,Y,Z] [--strokes N] [--dabs N] [--json]\n\n"
         "Times the annotation engine on a blank label map of X*Y*Z voxels (default "
         "512,512,300):\n"
         "  dab_ms            median time of one 3D brush dab of radius 10 voxels\n"
         "  undo_ms           median time to undo one stroke of --dabs dabs (default 200)\n"
         "  history_mb        memory the undo history holds after --strokes strokes (default\n"
         "                    1000) of --dabs dabs each\n"
         "  fill_ms           3D region fill of a sphere of about a million voxels\n"
         "  interpolation_ms  shape-based interpolation of about a million voxels\n"
         "--json prints one JSON object instead of the table.",
         {"json"},
         runBenchEdit});
}

}  // namespace logonet::cli
