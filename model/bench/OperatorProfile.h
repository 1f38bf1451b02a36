#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace logonet::model {

// Time spent in one operator (with one set of input shapes) during a profiled call.
struct OperatorTime {
    std::string name;
    std::string shapes;
    int64_t calls = 0;
    double selfMs = 0;   // without the operators it called
    double totalMs = 0;  // including them
};

// Runs `work` under LibTorch's operator profiler (CPU) and returns the time per operator and
// input shapes, most expensive (self time) first. Parallel work inside an operator is charged to
// that operator (wall time on the calling thread).
std::vector<OperatorTime> profileOperators(const std::function<void()>& work);

// The same times summed over input shapes (one entry per operator name).
std::vector<OperatorTime> mergeShapes(const std::vector<OperatorTime>& times);

// A table of the `limit` most expensive operators, for a terminal.
std::string formatOperatorTimes(const std::vector<OperatorTime>& times, size_t limit);

}  // namespace logonet::model
