#include "blocks/BatchNormFolding.h"

namespace logonet::model {

bool batchNormIsFoldable(const torch::nn::BatchNorm3d& norm) {
    return !norm->is_training() && norm->options.track_running_stats() &&
           norm->running_mean.defined() && norm->running_var.defined();
}

torch::Tensor convWithFoldedBatchNorm(const torch::Tensor& input, Conv3dLayerImpl& conv,
                                      const torch::nn::BatchNorm3d& norm) {
    const auto& bn = norm->options;
    torch::Tensor scale = torch::rsqrt(norm->running_var + bn.eps());
    if (bn.affine()) {
        scale = scale * norm->weight;
    }
    torch::Tensor shift = -norm->running_mean * scale;
    if (bn.affine()) {
        shift = shift + norm->bias;
    }
    const torch::Tensor weight = conv.weight * scale.view({-1, 1, 1, 1, 1});
    const torch::Tensor bias = conv.bias.defined() ? conv.bias * scale + shift : shift;
    torch::Tensor output = conv.convolve(input, weight, bias);
    conv.recordOutput(output);
    return output;
}

}  // namespace logonet::model
