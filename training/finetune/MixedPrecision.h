#pragma once

#include <torch/torch.h>

#include "network/Network.h"

namespace logonet::training {

// Mixed precision for training steps (--amp). On CUDA: float16 autocast with dynamic loss
// scaling, since float16 gradients underflow (LibTorch has no C++ GradScaler). On the CPU:
// bfloat16 autocast, which needs no scaling because
// bfloat16 keeps float32's exponent range.
class MixedPrecision {
  public:
    MixedPrecision(bool enabled, const torch::Device& device);

    // Whether the forward pass runs under autocast (see model::AutocastScope).
    bool autocast() const { return enabled_; }
    // The loss to call backward() on.
    torch::Tensor scaleLoss(const torch::Tensor& loss) const;
    // Undoes the loss scale on the gradients; false when one is not finite, in which case the
    // optimiser step must be skipped (and the scale is halved).
    bool unscale(model::NetworkImpl& network) { return unscale(network.parameters()); }
    // The same for any set of parameters (a network and a head trained together).
    bool unscale(const std::vector<torch::Tensor>& parameters);
    double scale() const { return scale_; }

  private:
    bool enabled_;
    bool scaling_;
    double scale_;
    int64_t goodSteps_ = 0;
};

}  // namespace logonet::training
