#pragma once

#include <torch/torch.h>

#include <string>
#include <vector>

namespace logonet::model {

// What every architecture the registry builds is told. Architectures ignore what does not
// apply to them (a U-Net has no local branches).
struct NetworkOptions {
    int64_t inChannels = 1;
    int64_t outChannels = 14;  // classes including background (BTCV: 13 organs + background)
    std::vector<int64_t> roi{96, 96, 96};  // crop the network is built for (pre-training head)
    // Hand-written CPU kernels and inference fusions; false builds the same network (same
    // parameter names and values) from plain LibTorch layers, the reference for benchmarks.
    bool fastKernels = true;
};

// A 3D segmentation network: (B, inChannels, D, H, W) -> (B, outChannels, D, H, W) logits.
// Concrete architectures derive from this so that training and inference hold any of them.
class NetworkImpl : public torch::nn::Module {
  public:
    ~NetworkImpl() override = default;
    virtual torch::Tensor forward(const torch::Tensor& input) = 0;
    // Registry name ("logonet", "unet", ...) stored in weight files.
    virtual std::string architecture() const = 0;
    virtual NetworkOptions options() const = 0;
    // Every spatial size must be a multiple of this (32 for LoGoNet).
    virtual int64_t sizeDivisor() const = 0;
    // Activation checkpointing of the encoder stages while training: less memory for about one
    // more forward pass of compute. Returns false where the architecture does not offer it.
    virtual bool setActivationCheckpointing(bool enabled) { return false; }
};

using Network = std::shared_ptr<NetworkImpl>;

}  // namespace logonet::model
