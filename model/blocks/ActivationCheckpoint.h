#pragma once

#include <torch/torch.h>

#include <functional>
#include <memory>

namespace logonet::model {

// Runs `body(input)` (the forward of `module`) without keeping its intermediate activations:
// only `input` is saved, and the backward pass runs `body` again with autograd on to get the
// gradients of `input` and of the module's parameters. Less memory for about one more forward
// pass of compute. The result equals body(input), and so do the gradients, because the
// recomputation sees the same input, weights and autocast state; `body` must not draw random
// numbers (the encoder stages have no dropout), and the module's buffers (BatchNorm's running
// statistics) are restored after the recomputation so that they are updated once per step.
// LibTorch's C++ API has no torch.utils.checkpoint; this is its equivalent for one module.
torch::Tensor checkpointedForward(std::shared_ptr<torch::nn::Module> module,
                                  std::function<torch::Tensor(const torch::Tensor&)> body,
                                  const torch::Tensor& input);

}  // namespace logonet::model
