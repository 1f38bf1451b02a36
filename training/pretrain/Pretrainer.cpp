#include "pretrain/Pretrainer.h"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include "run/Checkpoint.h"

namespace logonet::training {

namespace {

// Network input with the slicing axis last: (B, C, X, Y, Z) -> (B, C, a, b, S).
torch::Tensor slicingAxisLast(const torch::Tensor& crops, SliceAxis axis) {
    switch (axis) {
        case SliceAxis::Sagittal:
            return crops.permute({0, 1, 3, 4, 2});
        case SliceAxis::Coronal:
            return crops.permute({0, 1, 2, 4, 3});
        case SliceAxis::Axial:
            break;
    }
    return crops;
}

std::vector<int64_t> cropWithAxisLast(const std::vector<int64_t>& roi, SliceAxis axis) {
    const auto index = static_cast<size_t>(axis);
    std::vector<int64_t> crop;
    for (size_t d = 0; d < 3; ++d) {
        if (d != index) {
            crop.push_back(roi[d]);
        }
    }
    crop.push_back(roi[index]);
    return crop;
}

// The network without its segmentation head (the child module named "head"): the same modules
// under the same names, so a checkpoint of it holds every branch tensor and no head tensor, and
// fine-tuning's partial loading initialises a fresh head.
class NetworkBranchesImpl : public model::NetworkImpl {
  public:
    explicit NetworkBranchesImpl(model::Network network) : network_(std::move(network)) {
        for (const auto& child : network_->named_children()) {
            if (child.key() != "head") {
                register_module(child.key(), child.value());
            }
        }
    }
    torch::Tensor forward(const torch::Tensor&) override {
        throw std::logic_error("the branches alone are for saving, not for prediction");
    }
    std::string architecture() const override { return network_->architecture(); }
    model::NetworkOptions options() const override { return network_->options(); }
    int64_t sizeDivisor() const override { return network_->sizeDivisor(); }

  private:
    model::Network network_;
};

}  // namespace

Pretrainer::Pretrainer(model::Network network, PretrainerOptions options)
    : network_(std::move(network)),
      options_(std::move(options)),
      loss_(options_.clusterSizes, options_.tau),
      masker_(options_.masking, options_.seed),
      schedule_(options_.learningRate, options_.warmupSteps, options_.totalSteps) {
    const auto networkOptions = network_->options();
    model::PretrainHeadOptions head;
    head.inChannels = networkOptions.outChannels;
    head.clusterers = static_cast<int64_t>(options_.clusterSizes.size());
    head.clusters = *std::max_element(options_.clusterSizes.begin(), options_.clusterSizes.end());
    head.crop = cropWithAxisLast(networkOptions.roi, options_.masking.axis);
    head_ = model::PretrainHead(head);
    head_->to(network_->parameters().empty() ? torch::kCPU
                                             : network_->parameters().front().device());
    std::vector<torch::Tensor> parameters = network_->parameters();
    for (const auto& p : head_->parameters()) {
        parameters.push_back(p);
    }
    optimizer_ = std::make_unique<torch::optim::AdamW>(
        parameters,
        torch::optim::AdamWOptions(options_.learningRate).weight_decay(options_.weightDecay));
}

torch::Tensor Pretrainer::forward(const torch::Tensor& input) {
    return head_->forward(network_->forward(slicingAxisLast(input, options_.masking.axis)));
}

double Pretrainer::step(const torch::Tensor& crops, const torch::Tensor& labels,
                        int64_t stepIndex) {
    network_->train();
    head_->train();
    const MaskedCrops masked =
        options_.mask ? masker_.mask(crops) : SliceMasker::unmasked(crops, options_.masking.axis);
    for (auto& group : optimizer_->param_groups()) {
        static_cast<torch::optim::AdamWOptions&>(group.options()).lr(schedule_.at(stepIndex));
    }
    try {
        optimizer_->zero_grad();
        const auto logits = forward(masked.input);
        const auto value = loss_(logits, labels.to(logits.device()), masked.masked);
        value.backward();
        optimizer_->step();
        return value.item<double>();
    } catch (const c10::Error& error) {
        // LibTorch's message carries a C++ backtrace; a user needs the first line and a hint.
        const std::string message = error.what_without_backtrace();
        throw std::runtime_error(
            "pre-training step failed: " + message.substr(0, message.find('\n')) +
            " (a batch of 1 needs crops whose deepest feature map has more than one voxel: use a "
            "larger crop or --batch 2)");
    }
}

double Pretrainer::loss(const torch::Tensor& crops, const torch::Tensor& labels,
                        const MaskedCrops& masked) {
    torch::NoGradGuard noGrad;
    network_->eval();
    head_->eval();
    const auto logits = forward(masked.input);
    (void)crops;
    return loss_(logits, labels.to(logits.device()), masked.masked).item<double>();
}

void Pretrainer::saveNetwork(const std::string& path, int64_t step) {
    CheckpointInfo info;
    info.architecture = network_->architecture();
    info.networkOptions = network_->options();
    info.step = step;
    info.extra["kind"] = "pretraining";
    NetworkBranchesImpl branches(network_);
    saveCheckpoint(path, branches, nullptr, info);
}

void Pretrainer::saveState(const std::string& path) const {
    // Everything a resumed run needs: both heads, the branches and the optimiser.
    torch::serialize::OutputArchive archive;
    torch::serialize::OutputArchive networkArchive;
    network_->save(networkArchive);
    archive.write("network", networkArchive);
    torch::serialize::OutputArchive headArchive;
    head_->save(headArchive);
    archive.write("head", headArchive);
    torch::serialize::OutputArchive optimizerArchive;
    optimizer_->save(optimizerArchive);
    archive.write("optimizer", optimizerArchive);
    const std::string temporary = path + ".partial";
    archive.save_to(temporary);
    std::filesystem::rename(temporary, path);
}

void Pretrainer::loadState(const std::string& path) {
    torch::serialize::InputArchive archive;
    try {
        archive.load_from(path);
        torch::serialize::InputArchive networkArchive;
        archive.read("network", networkArchive);
        network_->load(networkArchive);
        torch::serialize::InputArchive headArchive;
        archive.read("head", headArchive);
        head_->load(headArchive);
        torch::serialize::InputArchive optimizerArchive;
        archive.read("optimizer", optimizerArchive);
        optimizer_->load(optimizerArchive);
    } catch (const c10::Error& error) {
        throw std::runtime_error(path + ": not a pre-training state of this model (" +
                                 std::string(error.what_without_backtrace()) + ")");
    }
}

}  // namespace logonet::training
