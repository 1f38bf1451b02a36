#include "blocks/CountedConv.h"

#include <stdexcept>
#include <type_traits>
#include <variant>

#include "blocks/DenseConv.h"

namespace logonet::model {
namespace {

int64_t spatialVoxels(const torch::Tensor& x) {
    return x.size(2) * x.size(3) * x.size(4);
}

}  // namespace

torch::Tensor Conv3dLayerImpl::forward(const torch::Tensor& input) {
    torch::Tensor output = convolve(input, weight, bias);
    recordOutput(output);
    return output;
}

std::vector<int64_t> Conv3dLayerImpl::explicitPadding() const {
    bool zeroPadding = false;
    std::visit(
        [&](const auto& mode) {
            zeroPadding = std::is_same_v<std::decay_t<decltype(mode)>, torch::enumtype::kZeros>;
        },
        options.padding_mode());
    std::vector<int64_t> padding;
    if (!zeroPadding) {
        return padding;
    }
    std::visit(
        [&](const auto& value) {
            if constexpr (std::is_same_v<std::decay_t<decltype(value)>, torch::ExpandingArray<3>>) {
                padding.assign(value->begin(), value->end());
            }
        },
        options.padding());
    return padding;
}

torch::Tensor Conv3dLayerImpl::convolve(const torch::Tensor& input, const torch::Tensor& w,
                                        const torch::Tensor& b) {
    const std::vector<int64_t> padding = explicitPadding();
    if (padding.empty()) {
        if (!w.is_same(weight) || !b.is_same(bias)) {
            throw std::invalid_argument(
                "Conv3dLayer: other weights need explicit zero padding (not 'same'/'valid')");
        }
        return torch::nn::Conv3dImpl::forward(input);
    }
    return denseConv3d(input, w, b, *options.stride(), padding, *options.dilation(),
                       options.groups(), fast_);
}

void Conv3dLayerImpl::recordOutput(const torch::Tensor& output) {
    // Every output voxel of every output channel sums (in / groups) * k^3 products.
    lastMacs_ = spatialVoxels(output) * weight.numel();
}

torch::Tensor ConvTranspose3dLayerImpl::forward(const torch::Tensor& input) {
    torch::Tensor output = torch::nn::ConvTranspose3dImpl::forward(input);
    // Every input voxel scatters into (out / groups) * k^3 outputs per input channel.
    lastMacs_ = spatialVoxels(input) * weight.numel();
    return output;
}

void setFastDenseConvolutions(torch::nn::Module& root, bool fast) {
    if (auto* self = dynamic_cast<Conv3dLayerImpl*>(&root)) {
        self->setFast(fast);
    }
    // Not include_self: constructors call this before the module is owned by a shared_ptr.
    for (const auto& module : root.modules(/*include_self=*/false)) {
        if (auto* conv = module->as<Conv3dLayerImpl>()) {
            conv->setFast(fast);
        }
    }
}

}  // namespace logonet::model
