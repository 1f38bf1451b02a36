#include "finetune/MixedPrecision.h"

namespace logonet::training {

MixedPrecision::MixedPrecision(bool enabled, const torch::Device& device)
    : enabled_(enabled), scaling_(enabled && device.is_cuda()), scale_(scaling_ ? 65536.0 : 1.0) {}

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
