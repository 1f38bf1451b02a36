#pragma once

#include <torch/torch.h>

namespace logonet::model {

// A layer that knows the multiply-accumulates of its last forward call (per sample), so that a
// network's convolution cost can be measured by running it once on a small input.
class MacCounting {
  public:
    virtual ~MacCounting() = default;
    virtual int64_t lastMacs() const = 0;
};

// torch::nn::Conv3d (same parameters, names and behaviour) that records its last output size.
class Conv3dLayerImpl : public torch::nn::Conv3dImpl, public MacCounting {
  public:
    explicit Conv3dLayerImpl(const torch::nn::Conv3dOptions& options)
        : torch::nn::Conv3dImpl(options) {}
    torch::Tensor forward(const torch::Tensor& input);
    int64_t lastMacs() const override { return lastMacs_; }
    // For callers that run this layer's convolution with derived weights (batch-norm folding).
    void recordOutput(const torch::Tensor& output);

  private:
    int64_t lastMacs_ = 0;
};
TORCH_MODULE(Conv3dLayer);

// torch::nn::ConvTranspose3d that records its last cost.
class ConvTranspose3dLayerImpl : public torch::nn::ConvTranspose3dImpl, public MacCounting {
  public:
    explicit ConvTranspose3dLayerImpl(const torch::nn::ConvTranspose3dOptions& options)
        : torch::nn::ConvTranspose3dImpl(options) {}
    torch::Tensor forward(const torch::Tensor& input);
    int64_t lastMacs() const override { return lastMacs_; }

  private:
    int64_t lastMacs_ = 0;
};
TORCH_MODULE(ConvTranspose3dLayer);

}  // namespace logonet::model
