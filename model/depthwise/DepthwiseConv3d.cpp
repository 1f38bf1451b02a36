#include "depthwise/DepthwiseConv3d.h"

#include <cmath>
#include <stdexcept>

#include "depthwise/DepthwiseConvFunction.h"

namespace logonet::model {

DepthwiseConv3dImpl::DepthwiseConv3dImpl(const DepthwiseConv3dOptions& options)
    : options_(options) {
    if (options.kernel() % 2 == 0 || options.channels() < 1 || options.dilation() < 1) {
        throw std::invalid_argument(
            "depthwise convolution needs an odd kernel, channels >= 1 "
            "and dilation >= 1");
    }
    const int64_t k = options.kernel();
    weight = register_parameter("weight", torch::empty({options.channels(), 1, k, k, k}));
    bias = register_parameter("bias", torch::empty({options.channels()}));
    reset_parameters();
}

void DepthwiseConv3dImpl::reset_parameters() {
    // The same bounds as torch::nn::Conv3d's default initialisation (fan-in = k^3).
    torch::NoGradGuard noGrad;
    const double fanIn = static_cast<double>(weight[0].numel());
    const double bound = 1.0 / std::sqrt(fanIn);
    weight.uniform_(-bound, bound);
    bias.uniform_(-bound, bound);
}

torch::Tensor DepthwiseConv3dImpl::forward(const torch::Tensor& input) {
    torch::Tensor output;
    if (options_.fast() && depthwiseConvFastPathPreferred(input)) {
        // The kernels take one type, the input's.
        const auto type = input.scalar_type();
        output = depthwiseConv3dFast(input, weight.to(type), bias.to(type), padding(),
                                     options_.dilation());
    } else {
        output = torch::conv3d(input, weight, bias, /*stride=*/1, padding(), options_.dilation(),
                               options_.channels());
    }
    recordOutput(output);
    return output;
}

}  // namespace logonet::model
