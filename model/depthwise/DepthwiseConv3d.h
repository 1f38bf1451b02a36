#pragma once

#include <torch/torch.h>

#include "blocks/CountedConv.h"

namespace logonet::model {

struct DepthwiseConv3dOptions {
    DepthwiseConv3dOptions(int64_t channels, int64_t kernel, int64_t dilation = 1)
        : channels_(channels), kernel_(kernel), dilation_(dilation) {}
    TORCH_ARG(int64_t, channels);
    TORCH_ARG(int64_t, kernel);
    TORCH_ARG(int64_t, dilation) = 1;
    // The hand-written kernels (CPU; CUDA where built) instead of torch::conv3d(groups =
    // channels), which LibTorch runs slowly on the CPU. Off gives the plain reference path.
    TORCH_ARG(bool, fast) = true;
};

// A depthwise 3D convolution with "same" padding (stride 1, optionally dilated, with bias).
// Parameters are named and shaped like torch::nn::Conv3d(groups = channels), so weights move
// freely between the fast and the plain path.
class DepthwiseConv3dImpl : public torch::nn::Module, public MacCounting {
  public:
    explicit DepthwiseConv3dImpl(const DepthwiseConv3dOptions& options);
    torch::Tensor forward(const torch::Tensor& input);
    void reset_parameters();

    const DepthwiseConv3dOptions& options() const { return options_; }
    int64_t padding() const { return options_.dilation() * (options_.kernel() - 1) / 2; }
    int64_t lastMacs() const override { return lastOutputVoxels_ * weight.numel(); }
    // For callers that run this layer's convolution themselves (grouped local branches).
    void recordOutput(const torch::Tensor& output) {
        lastOutputVoxels_ = output.size(2) * output.size(3) * output.size(4);
    }

    torch::Tensor weight;
    torch::Tensor bias;

  private:
    DepthwiseConv3dOptions options_;
    int64_t lastOutputVoxels_ = 0;
};
TORCH_MODULE(DepthwiseConv3d);

}  // namespace logonet::model
