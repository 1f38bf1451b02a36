#include "logonet/UBranch.h"

namespace logonet::model {

UBranchImpl::UBranchImpl(const LkaEncoderOptions& encoderOptions, int64_t outChannels) {
    encoder = register_module("encoder", LkaEncoder(encoderOptions));
    UDecoderOptions decoderOptions;
    decoderOptions.inChannels = encoderOptions.inChannels;
    decoderOptions.outChannels = outChannels;
    decoderOptions.encoderDims = encoderOptions.dims;
    decoderOptions.fast = encoderOptions.fast;
    decoder = register_module("decoder", UDecoder(decoderOptions));
}

torch::Tensor UBranchImpl::forward(const torch::Tensor& input) {
    return decoder->forward(input, encoder->forward(input));
}

}  // namespace logonet::model
