#include "blocks/DecoderUnit.h"

#include "blocks/BatchNormFolding.h"

namespace logonet::model {

DecoderUnitImpl::DecoderUnitImpl(const DecoderUnitOptions& options) : options_(options) {
    conv = register_module(
        "conv", Conv3dLayer(torch::nn::Conv3dOptions(options.inChannels(), options.outChannels(),
                                                     options.kernel())
                                .padding(options.kernel() / 2)));
    norm = register_module("norm", torch::nn::BatchNorm3d(options.outChannels()));
}

torch::Tensor DecoderUnitImpl::forward(const torch::Tensor& input) {
    torch::Tensor x;
    if (options_.fast() && batchNormIsFoldable(norm)) {
        x = convWithFoldedBatchNorm(input, *conv, norm);
    } else {
        x = norm(conv(input));
    }
    // In place: the batch norm output is not needed by autograd (leaky ReLU saves its result).
    return torch::leaky_relu_(x, 0.01);
}

DecoderBlockImpl::DecoderBlockImpl(int64_t inChannels, int64_t outChannels, bool fast) {
    first = register_module("first",
                            DecoderUnit(DecoderUnitOptions(inChannels, outChannels).fast(fast)));
    second = register_module("second",
                             DecoderUnit(DecoderUnitOptions(outChannels, outChannels).fast(fast)));
}

torch::Tensor DecoderBlockImpl::forward(const torch::Tensor& input) {
    return second(first(input));
}

}  // namespace logonet::model
