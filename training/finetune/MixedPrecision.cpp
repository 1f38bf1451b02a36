#include "finetune/MixedPrecision.h"

#include <iostream>

#include "network/ComputeDevice.h"

namespace logonet::training {

MixedPrecision::MixedPrecision(bool enabled, const torch::Device& device)
    : enabled_(enabled), scaling_(enabled && device.is_cuda()), scale_(scaling_ ? 65536.0 : 1.0) {
    if (enabled_ && device.is_cpu() && !model::cpuHasBfloat16()) {
        std::cerr << "warning: --amp on a CPU without bfloat16 instructions (AVX-512 BF16 or "
                     "AMX): bfloat16 is emulated here and slower than float32\n";
    }
}

torch::Tensor MixedPrecision::scaleLoss(const torch::Tensor& loss) const {
    return scaling_ ? loss * scale_ : loss;
}

bool MixedPrecision::unscale(const std::vector<torch::Tensor>& parameters) {
    if (!scaling_) {
        return true;
    }
    bool finite = true;
    for (auto p : parameters) {
        if (p.grad().defined()) {
            p.mutable_grad().div_(scale_);
            finite = finite && torch::isfinite(p.grad()).all().item<bool>();
        }
    }
    // Grows after a long run of finite steps, as PyTorch's GradScaler does (interval 2000).
    if (!finite) {
        scale_ /= 2.0;
        goodSteps_ = 0;
    } else if (++goodSteps_ % 2000 == 0) {
        scale_ *= 2.0;
    }
    return finite;
}

}  // namespace logonet::training
