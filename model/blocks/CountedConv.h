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
// With `fast` (the default) it runs through denseConv3d (oneDNN on the CPU); the plain reference
// network turns it off with setFastKernels.
class Conv3dLayerImpl : public torch::nn::Conv3dImpl, public MacCounting {
  public:
    explicit Conv3dLayerImpl(const torch::nn::Conv3dOptions& options)
        : torch::nn::Conv3dImpl(options) {}
    torch::Tensor forward(const torch::Tensor& input);
    int64_t lastMacs() const override { return lastMacs_; }
    // For callers that run this layer's convolution with derived weights (batch-norm folding).
    void recordOutput(const torch::Tensor& output);
    // This layer's convolution with other weights (same stride, padding, dilation, groups).
    torch::Tensor convolve(const torch::Tensor& input, const torch::Tensor& weight,
                           const torch::Tensor& bias);
    // The padding per axis where it is explicit zero padding; empty for 'same'/'valid' or
    // another padding mode.
    std::vector<int64_t> explicitPadding() const;
    bool fast() const { return fast_; }
    void setFast(bool fast) { fast_ = fast; }

  private:
    int64_t lastMacs_ = 0;
    bool fast_ = true;
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

// Sets the fast flag of every Conv3dLayer under `root` (the plain reference network clears it).
void setFastDenseConvolutions(torch::nn::Module& root, bool fast);

}  // namespace logonet::model
