#include "bench/OperatorProfile.h"

#include <torch/csrc/autograd/profiler_legacy.h>
#include <torch/torch.h>

#include <algorithm>
#include <cstdio>
#include <map>

namespace logonet::model {
namespace {

namespace profiler = torch::autograd::profiler;

std::string shapeText(const std::vector<std::vector<int64_t>>& shapes) {
    std::string text;
    for (const auto& shape : shapes) {
        if (shape.empty()) {
            continue;
        }
        text += text.empty() ? "[" : " [";
        for (size_t i = 0; i < shape.size(); ++i) {
            text += (i ? "," : "") + std::to_string(shape[i]);
        }
        text += "]";
    }
    return text;
}

struct OpenRange {
    const profiler::LegacyEvent* start;
    double childrenUs;
};

// Pairs push/pop events of one thread (they nest) and charges self and total time.
void accumulateThread(const std::vector<profiler::LegacyEvent>& events,
                      std::map<std::pair<std::string, std::string>, OperatorTime>& table) {
    std::vector<OpenRange> open;
    for (const auto& event : events) {
        if (event.kind() == profiler::EventKind::PushRange) {
            open.push_back({&event, 0.0});
        } else if (event.kind() == profiler::EventKind::PopRange && !open.empty()) {
            const OpenRange range = open.back();
            open.pop_back();
            const double totalUs = range.start->cpuElapsedUs(event);
            if (!open.empty()) {
                open.back().childrenUs += totalUs;
            }
            const std::string name = range.start->name();
            if (name == "[memory]" || name.rfind("profiler::", 0) == 0) {
                continue;
            }
            const std::string shapes = shapeText(range.start->shapes());
            OperatorTime& entry = table[{name, shapes}];
            entry.name = name;
            entry.shapes = shapes;
            entry.calls += 1;
            entry.totalMs += totalUs / 1000.0;
            entry.selfMs += (totalUs - range.childrenUs) / 1000.0;
        }
    }
}

}  // namespace

std::vector<OperatorTime> profileOperators(const std::function<void()>& work) {
    const torch::profiler::impl::ProfilerConfig config(torch::profiler::impl::ProfilerState::CPU,
                                                       /*report_input_shapes=*/true);
    profiler::enableProfilerLegacy(config);
    try {
        work();
    } catch (...) {
        profiler::disableProfilerLegacy();
        throw;
    }
    const profiler::thread_event_lists lists = profiler::disableProfilerLegacy();
    std::map<std::pair<std::string, std::string>, OperatorTime> table;
    for (const auto& events : lists) {
        accumulateThread(events, table);
    }
    std::vector<OperatorTime> result;
    for (auto& item : table) {
        result.push_back(std::move(item.second));
    }
    std::sort(result.begin(), result.end(),
              [](const OperatorTime& a, const OperatorTime& b) { return a.selfMs > b.selfMs; });
    return result;
}

std::vector<OperatorTime> mergeShapes(const std::vector<OperatorTime>& times) {
    std::map<std::string, OperatorTime> table;
    for (const auto& entry : times) {
        OperatorTime& merged = table[entry.name];
        merged.name = entry.name;
        merged.calls += entry.calls;
        merged.selfMs += entry.selfMs;
        merged.totalMs += entry.totalMs;
    }
    std::vector<OperatorTime> result;
    for (auto& item : table) {
        result.push_back(std::move(item.second));
    }
    std::sort(result.begin(), result.end(),
              [](const OperatorTime& a, const OperatorTime& b) { return a.selfMs > b.selfMs; });
    return result;
}

std::string formatOperatorTimes(const std::vector<OperatorTime>& times, size_t limit) {
    double allSelf = 0;
    for (const auto& entry : times) {
        allSelf += entry.selfMs;
    }
    std::string text;
    char line[512];
    std::snprintf(line, sizeof line, "%10s %6s %6s  %s\n", "self ms", "share", "calls",
                  "operator [input shapes]");
    text += line;
    for (size_t i = 0; i < times.size() && i < limit; ++i) {
        const OperatorTime& entry = times[i];
        std::snprintf(line, sizeof line, "%10.1f %5.1f%% %6lld  %s %s\n", entry.selfMs,
                      allSelf > 0 ? 100.0 * entry.selfMs / allSelf : 0.0,
                      static_cast<long long>(entry.calls), entry.name.c_str(),
                      entry.shapes.substr(0, 300).c_str());
        text += line;
    }
    std::snprintf(line, sizeof line, "%10.1f        (all operators, self time)\n", allSelf);
    text += line;
    return text;
}

}  // namespace logonet::model
