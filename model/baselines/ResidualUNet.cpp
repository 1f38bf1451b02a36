#include "baselines/ResidualUNet.h"

#include <stdexcept>

#include "baselines/ResidualBlock.h"
#include "blocks/CountedConv.h"
#include "network/InputCheck.h"

namespace logonet::model {

ResidualUNetImpl::ResidualUNetImpl(const ResidualUNetOptions& options) : options_(options) {
    const auto& f = options.features;
    if (f.size() < 2 || options.encoderBlocks < 1) {
        throw std::invalid_argument("unet: needs at least two levels and one block per level");
    }
    encoder = register_module("encoder", torch::nn::ModuleList());
    int64_t channels = options.inChannels;
    for (size_t level = 0; level < f.size(); ++level) {
        torch::nn::Sequential blocks;
        for (int64_t b = 0; b < options.encoderBlocks; ++b) {
            const int64_t stride = (level > 0 && b == 0) ? 2 : 1;
            blocks->push_back(ResidualBlock(
                ResidualBlockOptions(channels, f[level]).stride(stride).fast(options.fast)));
            channels = f[level];
        }
        encoder->push_back(blocks);
    }
    upsample = register_module("upsample", torch::nn::ModuleList());
    decoder = register_module("decoder", torch::nn::ModuleList());
    for (size_t level = f.size() - 1; level > 0; --level) {
        upsample->push_back(ConvTranspose3dLayer(
            torch::nn::ConvTranspose3dOptions(f[level], f[level - 1], 2).stride(2)));
        decoder->push_back(
            ResidualBlock(ResidualBlockOptions(2 * f[level - 1], f[level - 1]).fast(options.fast)));
    }
    head = register_module("head",
                           Conv3dLayer(torch::nn::Conv3dOptions(f[0], options.outChannels, 1)));
    setFastDenseConvolutions(*this, options.fast);
}

NetworkOptions ResidualUNetImpl::options() const {
    NetworkOptions result;
    result.inChannels = options_.inChannels;
    result.outChannels = options_.outChannels;
    result.roi = options_.roi;
    result.fastKernels = options_.fast;
    return result;
}

int64_t ResidualUNetImpl::sizeDivisor() const {
    return int64_t(1) << (options_.features.size() - 1);
}

torch::Tensor ResidualUNetImpl::forward(const torch::Tensor& input) {
    checkNetworkInput(input, "unet", options_.inChannels, sizeDivisor());
    std::vector<torch::Tensor> skips;
    torch::Tensor x = input;
    for (const auto& level : *encoder) {
        x = level->as<torch::nn::Sequential>()->forward(x);
        skips.push_back(x);
    }
    for (size_t i = 0; i < upsample->size(); ++i) {
        x = upsample[i]->as<ConvTranspose3dLayer>()->forward(x);
        x = torch::cat({x, skips[skips.size() - 2 - i]}, 1);
        x = decoder[i]->as<ResidualBlock>()->forward(x);
    }
    return head(x);
}

}  // namespace logonet::model
