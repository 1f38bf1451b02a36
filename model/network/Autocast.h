#pragma once

#include <torch/torch.h>

namespace logonet::model {

// Which devices run under autocast on this thread, saved so that a scope can restore it.
struct AutocastState {
    bool cuda = false;  // float16
    bool cpu = false;   // bfloat16

    static AutocastState current();
    void apply() const;
};

// Autocast for `device` while in scope (float16 on CUDA, bfloat16 on the CPU); restores the
// previous state and drops the cast cache on leaving.
class AutocastScope {
  public:
    AutocastScope(bool enabled, const torch::Device& device);
    ~AutocastScope();
    AutocastScope(const AutocastScope&) = delete;
    AutocastScope& operator=(const AutocastScope&) = delete;

  private:
    bool enabled_;
    AutocastState previous_;
};

}  // namespace logonet::model
