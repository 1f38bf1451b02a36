#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <string>

namespace logonet::training {

// The files a pre-training run reads instead of a project, so that its folder (with the cache
// it names) trains on a machine with LibTorch alone:
//  - a crop: one scan as core's pretrainCrop() makes it, an (X, Y, Z) float32 tensor; it depends
//    only on the scan and the crop size, so it lives in the project's cache and is shared;
//  - the pseudo-labels: (cases, S, N) int64, slice s of case c in cluster labels[c][s][n] of
//    clusterer n; they belong to one clustering, so they live in the run folder.
// Both are written to a temporary name and renamed: a reader never sees half a file.

// Writes `volume` unless `path` already holds exactly it (an unchanged file keeps its time, so
// rsync does not send it again). Returns whether it wrote.
bool writePretrainCrop(const std::string& path, const torch::Tensor& volume);
// Throws std::runtime_error naming the file when it is missing or not a crop^3 float32 tensor.
torch::Tensor readPretrainCrop(const std::string& path, int64_t crop);

void writePseudoLabels(const std::string& path, const torch::Tensor& labels);
// Throws std::runtime_error naming the file unless it holds (cases, slices, clusterers) int64.
torch::Tensor readPseudoLabels(const std::string& path, int64_t cases, int64_t slices,
                               int64_t clusterers);

}  // namespace logonet::training
