#include "blocks/CountedConv.h"

namespace logonet::model {
namespace {

int64_t spatialVoxels(const torch::Tensor& x) {
    return x.size(2) * x.size(3) * x.size(4);
}

}  // namespace

torch::Tensor Conv3dLayerImpl::forward(const torch::Tensor& input) {
    torch::Tensor output = torch::nn::Conv3dImpl::forward(input);
    recordOutput(output);
    return output;
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

}  // namespace logonet::model
