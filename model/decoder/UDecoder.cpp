#include "decoder/UDecoder.h"

#include <stdexcept>

namespace logonet::model {

torch::Tensor upsampleTwice(const torch::Tensor& x) {
    namespace F = torch::nn::functional;
    return F::interpolate(x, F::InterpolateFuncOptions()
                                 .scale_factor(std::vector<double>{2.0, 2.0, 2.0})
                                 .mode(torch::kTrilinear)
                                 .align_corners(false));
}

UDecoderImpl::UDecoderImpl(const UDecoderOptions& options) {
    const auto& dims = options.encoderDims;
    const bool fast = options.fast;
    if (dims.empty() || dims[0] < 2 || dims[0] % 2 != 0) {
        throw std::invalid_argument("decoder: the first encoder dim must be even");
    }
    for (size_t i = 1; i < dims.size(); ++i) {
        if (dims[i] != 2 * dims[i - 1]) {
            throw std::invalid_argument("decoder: every encoder dim must double the previous one");
        }
    }
    up = register_module("up", torch::nn::ModuleList());
    skip = register_module("skip", torch::nn::ModuleList());
    merge = register_module("merge", torch::nn::ModuleList());
    int64_t c = dims.back();
    for (size_t i = 0; i < dims.size(); ++i) {
        up->push_back(DecoderBlock(c, c / 2, fast));
        c /= 2;
        if (i + 1 < dims.size()) {
            skip->push_back(DecoderBlock(c, c, fast));
            merge->push_back(DecoderBlock(2 * c, c, fast));
        }
    }
    refine1 = register_module("refine1", DecoderBlock(c, c, fast));
    refine2 = register_module("refine2", DecoderBlock(c, c, fast));
    stem1 =
        register_module("stem1", DecoderUnit(DecoderUnitOptions(options.inChannels, c).fast(fast)));
    stem2 = register_module("stem2", DecoderUnit(DecoderUnitOptions(c, dims[0]).fast(fast)));
    out1 = register_module(
        "out1", DecoderUnit(DecoderUnitOptions(c + dims[0], options.outChannels).fast(fast)));
    out2 = register_module(
        "out2",
        DecoderUnit(DecoderUnitOptions(options.outChannels, options.outChannels).fast(fast)));
}

torch::Tensor UDecoderImpl::forward(const torch::Tensor& input,
                                    const std::vector<torch::Tensor>& features) {
    const size_t stages = up->size();
    if (features.size() != stages) {
        throw std::invalid_argument("decoder: expected " + std::to_string(stages) +
                                    " encoder maps, got " + std::to_string(features.size()));
    }
    torch::Tensor x = features.back();
    for (size_t i = 0; i < stages; ++i) {
        x = upsampleTwice(up[i]->as<DecoderBlock>()->forward(x));
        if (i + 1 < stages) {
            const torch::Tensor encoderMap = features[stages - 2 - i];
            const torch::Tensor refined = skip[i]->as<DecoderBlock>()->forward(encoderMap);
            x = merge[i]->as<DecoderBlock>()->forward(torch::cat({x, refined}, 1));
        }
    }
    x = upsampleTwice(refine2(refine1(x)));
    const torch::Tensor stem = stem2(stem1(input));
    return out2(out1(torch::cat({x, stem}, 1)));
}

}  // namespace logonet::model
