#pragma once

#include <torch/torch.h>

#include <vector>

#include "encoder/EncoderStage.h"

namespace logonet::model {

// The hierarchical large-kernel-attention encoder; the number of stages is dims.size().
struct LkaEncoderOptions {
    int64_t inChannels = 1;
    std::vector<int64_t> dims{64, 128, 256, 512};
    std::vector<int64_t> depths{3, 4, 6, 3};
    std::vector<int64_t> mlpRatios{8, 8, 4, 4};
    bool fast = true;

    // The first `stages` stages of this configuration (the local branch uses two).
    LkaEncoderOptions firstStages(size_t stages) const;
    // Total downsampling: 4 * 2^(stages - 1).
    int64_t stride() const;
};

// Returns every stage's output, finest first: 1/4, 1/8, 1/16, ... of the input size.
class LkaEncoderImpl : public torch::nn::Module {
  public:
    explicit LkaEncoderImpl(const LkaEncoderOptions& options);
    std::vector<torch::Tensor> forward(const torch::Tensor& input);
    // While training with autograd on, each stage keeps only its input and recomputes the rest
    // in the backward pass (see checkpointedForward).
    void setActivationCheckpointing(bool enabled) { checkpointing_ = enabled; }
    bool activationCheckpointing() const { return checkpointing_; }

    torch::nn::ModuleList stages{nullptr};

  private:
    bool checkpointing_ = false;
};
TORCH_MODULE(LkaEncoder);

}  // namespace logonet::model
