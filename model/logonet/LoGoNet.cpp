#include "logonet/LoGoNet.h"

#include <algorithm>

#include "logonet/GroupedLocalBranches.h"
#include "logonet/SubCubes.h"
#include "network/InputCheck.h"

namespace logonet::model {

namespace {
constexpr int subCubes = 8;
}

LoGoNetImpl::LoGoNetImpl(const LoGoNetOptions& options) : options_(options) {
    const LkaEncoderOptions encoder = encoderOptions();
    globalBranch = register_module("global", UBranch(encoder, options.outChannels));
    localBranches = register_module("local", torch::nn::ModuleList());
    if (options.localSplit) {
        const LkaEncoderOptions localEncoder =
            encoder.firstStages(static_cast<size_t>(options.localStages));
        for (int i = 0; i < subCubes; ++i) {
            localBranches->push_back(UBranch(localEncoder, options.outChannels));
        }
    }
    head = register_module("head", FusionHead(options.outChannels, options.fast));
    setFastDenseConvolutions(*this, options.fast);
}

LkaEncoderOptions LoGoNetImpl::encoderOptions() const {
    LkaEncoderOptions encoder;
    encoder.inChannels = options_.inChannels;
    encoder.dims = options_.dims;
    encoder.depths = options_.depths;
    encoder.mlpRatios = options_.mlpRatios;
    encoder.fast = options_.fast;
    return encoder;
}

NetworkOptions LoGoNetImpl::options() const {
    NetworkOptions result;
    result.inChannels = options_.inChannels;
    result.outChannels = options_.outChannels;
    result.roi = options_.roi;
    result.fastKernels = options_.fast;
    return result;
}

int64_t LoGoNetImpl::sizeDivisor() const {
    const LkaEncoderOptions encoder = encoderOptions();
    int64_t divisor = encoder.stride();
    if (options_.localSplit) {
        // Each half-size sub-cube goes through the local encoder's strides.
        divisor = std::max(divisor, 2 * encoder.firstStages(options_.localStages).stride());
    }
    return divisor;
}

bool LoGoNetImpl::setActivationCheckpointing(bool enabled) {
    globalBranch->encoder->setActivationCheckpointing(enabled);
    for (const auto& branch : *localBranches) {
        branch->as<UBranch>()->encoder->setActivationCheckpointing(enabled);
    }
    return true;
}

bool LoGoNetImpl::usesGroupedLocalBranches(const torch::Tensor& input) const {
    if (!options_.localSplit || execution_ == LocalBranchExecution::Loop) {
        return false;
    }
    if (execution_ == LocalBranchExecution::Grouped) {
        return true;
    }
    // Measured on the CPU only (docs/BENCHMARKS.md, issue 12): grouped is faster where the
    // branches' maps are small and per-operator overhead dominates (logonet-tiny at 32^3 to
    // 96^3 crops, 1.15-1.6x a training step; LoGoNet at 32^3 and 64^3, 1.35x and 1.05x), no
    // faster for LoGoNet's 48^3 sub-cubes of a 96^3 crop (training step equal, inference 4 %
    // slower). The measure: voxels of a sub-cube times the first stage's channels.
    if (!options_.fast || !input.device().is_cpu() || input.dim() != 5) {
        return false;
    }
    const int64_t subCubeVoxels = (input.size(2) / 2) * (input.size(3) / 2) * (input.size(4) / 2);
    return subCubeVoxels * options_.dims.front() <= int64_t(32 * 32 * 32) * 64;
}

torch::Tensor LoGoNetImpl::localBranchesLoop(const torch::Tensor& input) {
    std::vector<torch::Tensor> cubes = splitIntoSubCubes(input);
    for (size_t i = 0; i < cubes.size(); ++i) {
        cubes[i] = localBranches[i]->as<UBranch>()->forward(cubes[i]);
    }
    return mergeSubCubes(cubes);
}

torch::Tensor LoGoNetImpl::forward(const torch::Tensor& input) {
    checkNetworkInput(input, options_.architecture, options_.inChannels, sizeDivisor());
    torch::Tensor sum = globalBranch(input);
    if (usesGroupedLocalBranches(input)) {
        std::vector<UBranchImpl*> branches;
        for (const auto& branch : *localBranches) {
            branches.push_back(branch->as<UBranch>());
        }
        sum = sum + GroupedLocalBranches(std::move(branches)).forward(input);
    } else if (options_.localSplit) {
        sum = sum + localBranchesLoop(input);
    }
    return head(sum);
}

}  // namespace logonet::model
