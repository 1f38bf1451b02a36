#pragma once

#include <array>
#include <cstdint>
#include <string>

namespace logonet {
namespace views {

struct DemoProjectOptions {
    int cases = 4;
    std::array<int64_t, 3> size{128, 128, 80};
    // Spacing follows from a fixed field of view (144 x 144 x 128 mm), so smaller sizes give the
    // same anatomy at a coarser resolution.
    std::array<double, 3> fieldOfViewMm{144.0, 144.0, 128.0};
    uint64_t seed = 7;
};

// Creates a project in `dir` (empty or absent) holding phantom CT cases with their BTCV label
// maps, imported the way a user's files would be. The last case goes to the test split and the
// one before it is imported unlabeled, so the browser shows every kind of row. Throws what the
// storage and io layers throw.
void createDemoProject(const std::string& dir, const DemoProjectOptions& options = {});

}  // namespace views
}  // namespace logonet
