#pragma once

#include <torch/torch.h>

#include <string>

namespace logonet::training {

// Reads a 2-D little-endian float32 C-order .npy file (numpy.save of a float32 matrix) into a
// (rows, columns) CPU tensor. Throws std::runtime_error naming the file and what is wrong. The
// header is parsed by its grammar and the shape checked for overflow and against the file's size
// before anything is allocated, since the file may come from another machine.
torch::Tensor readNpyMatrix(const std::string& path);
// Writes a 2-D float32 tensor as .npy (version 1.0).
void writeNpyMatrix(const std::string& path, const torch::Tensor& matrix);

}  // namespace logonet::training
