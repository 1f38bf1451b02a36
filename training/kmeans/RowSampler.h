#pragma once

#include <cstdint>
#include <random>
#include <vector>

namespace logonet::training {

// `count` distinct row indices drawn uniformly from [0, rows), sorted so that gathering them reads
// memory in order. All of [0, rows) when count >= rows.
std::vector<int64_t> sampleRows(int64_t rows, int64_t count, std::mt19937_64& random);

}  // namespace logonet::training
