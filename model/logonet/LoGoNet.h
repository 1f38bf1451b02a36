#pragma once

#include <torch/torch.h>

#include <string>
#include <vector>

#include "heads/FusionHead.h"
#include "logonet/UBranch.h"
#include "network/Network.h"

namespace logonet::model {

// How the eight local branches run: one after the other, or as one grouped network
// (GroupedLocalBranches; same results, fewer and larger operators). Automatic picks by device,
// type and kernels (see LoGoNetImpl::usesGroupedLocalBranches).
enum class LocalBranchExecution { Automatic, Loop, Grouped };

struct LoGoNetOptions {
    std::string architecture = "logonet";  // the registry name this configuration is built as
    int64_t inChannels = 1;
    int64_t outChannels = 14;
    // The global branch's encoder; its inChannels and fast flag are taken from here.
    std::vector<int64_t> dims{64, 128, 256, 512};
    std::vector<int64_t> depths{3, 4, 6, 3};
    std::vector<int64_t> mlpRatios{8, 8, 4, 4};
    // Each local branch uses the first `localStages` stages of the configuration above.
    int64_t localStages = 2;
    // false: no local branches, the global branch alone with the head (ULKANet).
    bool localSplit = true;
    std::vector<int64_t> roi{96, 96, 96};
    bool fast = true;
};

// LoGoNet (dual encoding): a 4-stage global branch on the whole crop plus eight 2-stage local
// branches, one per 2x2x2 sub-cube (own weights), merged back in place; the sum goes through the
// fusion head. Weight names: global.*, local.<n>.*, head.*.
class LoGoNetImpl : public NetworkImpl {
  public:
    explicit LoGoNetImpl(const LoGoNetOptions& options);
    torch::Tensor forward(const torch::Tensor& input) override;
    std::string architecture() const override { return options_.architecture; }
    NetworkOptions options() const override;
    int64_t sizeDivisor() const override;
    bool setActivationCheckpointing(bool enabled) override;
    void setLocalBranchExecution(LocalBranchExecution execution) { execution_ = execution; }
    // Whether forward(input) runs the local branches grouped.
    bool usesGroupedLocalBranches(const torch::Tensor& input) const;
    const LoGoNetOptions& logonetOptions() const { return options_; }

    UBranch globalBranch{nullptr};
    torch::nn::ModuleList localBranches{nullptr};
    FusionHead head{nullptr};

  private:
    LkaEncoderOptions encoderOptions() const;

    torch::Tensor localBranchesLoop(const torch::Tensor& input);

    LoGoNetOptions options_;
    LocalBranchExecution execution_ = LocalBranchExecution::Automatic;
};

}  // namespace logonet::model
