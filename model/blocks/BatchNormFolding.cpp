#include "blocks/BatchNormFolding.h"

namespace logonet::model {

bool batchNormIsFoldable(const torch::nn::BatchNorm3dImpl& norm) {
    return !norm.is_training() && norm.options.track_running_stats() &&
           norm.running_mean.defined() && norm.running_var.defined();
}

bool batchNormIsFoldable(const torch::nn::BatchNorm3d& norm) {
    return batchNormIsFoldable(*norm);
}

std::pair<torch::Tensor, torch::Tensor> foldedBatchNormScaleShift(
    const torch::Tensor& runningMean, const torch::Tensor& runningVar, const torch::Tensor& weight,
    const torch::Tensor& bias, const torch::nn::BatchNormOptions& options) {
    torch::Tensor scale = torch::rsqrt(runningVar + options.eps());
    if (options.affine()) {
        scale = scale * weight;
    }
    torch::Tensor shift = -runningMean * scale;
    if (options.affine()) {
        shift = shift + bias;
    }
    return {scale, shift};
}

torch::Tensor convWithFoldedBatchNorm(const torch::Tensor& input, Conv3dLayerImpl& conv,
                                      const torch::nn::BatchNorm3d& norm) {
    const auto [scale, shift] = foldedBatchNormScaleShift(norm->running_mean, norm->running_var,
                                                          norm->weight, norm->bias, norm->options);
    const torch::Tensor weight = conv.weight * scale.view({-1, 1, 1, 1, 1});
    const torch::Tensor bias = conv.bias.defined() ? conv.bias * scale + shift : shift;
    torch::Tensor output = conv.convolve(input, weight, bias);
    conv.recordOutput(output);
    return output;
}

}  // namespace logonet::model
