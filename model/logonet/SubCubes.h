#pragma once

#include <torch/torch.h>

#include <vector>

namespace logonet::model {

// The local branch's view of a crop: 2 x 2 x 2 sub-cubes of half the size, ordered
// (depth half, height half, width half) with the width half varying fastest.
std::vector<torch::Tensor> splitIntoSubCubes(const torch::Tensor& volume);

// Puts eight sub-cubes back in place: the inverse of splitIntoSubCubes.
torch::Tensor mergeSubCubes(const std::vector<torch::Tensor>& cubes);

}  // namespace logonet::model
