#include "kmeans/RowSampler.h"

#include <algorithm>
#include <numeric>
#include <unordered_set>

namespace logonet::training {

std::vector<int64_t> sampleRows(int64_t rows, int64_t count, std::mt19937_64& random) {
    std::vector<int64_t> picked;
    if (count >= rows) {
        picked.resize(static_cast<size_t>(rows));
        std::iota(picked.begin(), picked.end(), int64_t{0});
        return picked;
    }
    // Floyd's method: `count` draws, each distinct, without materialising all `rows` indices
    // (a project may hold millions of slices).
    std::unordered_set<int64_t> chosen;
    chosen.reserve(static_cast<size_t>(count) * 2);
    for (int64_t j = rows - count; j < rows; ++j) {
        std::uniform_int_distribution<int64_t> draw(0, j);
        const int64_t candidate = draw(random);
        if (!chosen.insert(candidate).second) {
            chosen.insert(j);
        }
    }
    picked.assign(chosen.begin(), chosen.end());
    std::sort(picked.begin(), picked.end());
    return picked;
}

}  // namespace logonet::training
