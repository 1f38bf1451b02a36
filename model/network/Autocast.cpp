#include "network/Autocast.h"

#include <ATen/autocast_mode.h>

namespace logonet::model {

AutocastState AutocastState::current() {
    AutocastState state;
    state.cuda = at::autocast::is_autocast_enabled(at::kCUDA);
    state.cpu = at::autocast::is_autocast_enabled(at::kCPU);
    return state;
}

void AutocastState::apply() const {
    at::autocast::set_autocast_enabled(at::kCUDA, cuda);
    at::autocast::set_autocast_enabled(at::kCPU, cpu);
}

AutocastScope::AutocastScope(bool enabled, const torch::Device& device)
    : enabled_(enabled), previous_(AutocastState::current()) {
    if (!enabled_) {
        return;
    }
    AutocastState state = previous_;
    if (device.is_cuda()) {
        state.cuda = true;
    } else {
        state.cpu = true;
    }
    state.apply();
    at::autocast::increment_nesting();
}

AutocastScope::~AutocastScope() {
    if (!enabled_) {
        return;
    }
    previous_.apply();
    // As torch.autocast's __exit__: the casts of weights are cached only within the outermost
    // region.
    if (at::autocast::decrement_nesting() == 0) {
        at::autocast::clear_cache();
    }
}

}  // namespace logonet::model
