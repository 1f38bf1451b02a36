#pragma once

#include <torch/torch.h>

#include <vector>

#include "logonet/UBranch.h"

namespace logonet::model {

// LoGoNet's eight local branches run as one network: the sub-cubes stacked along the channels
// (B, 8*C, D/2, H/2, W/2) and every layer called once for all branches (groups = 8 convolutions,
// concatenated batch-norm parameters and statistics, see GroupedLayers). A logonet-tiny step is
// thousands of small operators, and this divides the local branches' share of them by eight.
// It computes what the per-branch loop computes (UBranch on each sub-cube, then mergeSubCubes),
// gradients, running statistics and batch counts included; it holds no parameters of its own,
// so state dicts, parameter counts and checkpoints are the per-branch ones. Built per call from
// the branches (cheap: it only gathers pointers).
class GroupedLocalBranches {
  public:
    // `branches`: one UBranch per sub-cube, all of the same configuration.
    explicit GroupedLocalBranches(std::vector<UBranchImpl*> branches);

    // (B, in, D, H, W) crop -> (B, out, D, H, W): the branches' outputs put back in place.
    torch::Tensor forward(const torch::Tensor& input) const;

  private:
    std::vector<torch::Tensor> encode(const torch::Tensor& stacked) const;
    torch::Tensor decode(const torch::Tensor& stacked,
                         const std::vector<torch::Tensor>& features) const;

    std::vector<UBranchImpl*> branches_;
};

}  // namespace logonet::model
