#pragma once

#include <torch/torch.h>

namespace logonet::training {

// torch::optim::AdamW whose step updates every parameter of a group in one call of ATen's fused
// AdamW kernel instead of about ten tensor operations per parameter: a small network (logonet-tiny
// has hundreds of small parameter tensors) otherwise spends a large part of each training step in
// per-operation overhead. The state is AdamW's own (exp_avg, exp_avg_sq and step per parameter),
// so save/load, checkpoints and resumption are unchanged. Groups the fused kernel does not cover
// (amsgrad, non-float, non-CPU, non-contiguous or sparse tensors) take AdamW's own step.
class FusedAdamW : public torch::optim::AdamW {
  public:
    using torch::optim::AdamW::AdamW;

    torch::Tensor step(LossClosure closure = nullptr) override;
};

}  // namespace logonet::training
