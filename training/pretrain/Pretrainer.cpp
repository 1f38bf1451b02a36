#include "pretrain/Pretrainer.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <stdexcept>

#include "fs/DurableFile.h"
#include "network/Autocast.h"
#include "optim/FusedAdamW.h"
#include "run/Checkpoint.h"
#include "run/TorchErrorLine.h"

namespace logonet::training {

namespace {

// Pre-training crops are (B, C, X, Y, Z), the layout of the masker and the head; the network
// sees them as fine-tuning does, (B, C, Z, Y, X) (TrainingCase, CropSampler), so that every
// kernel it learns meets the same anatomical axes when fine-tuning loads it. Reversing the three
// spatial axes goes both ways.
torch::Tensor reverseSpatialAxes(const torch::Tensor& tensor) {
    return tensor.permute({0, 1, 4, 3, 2});
}

// The network's output map with the slicing axis last: (B, C, X, Y, Z) -> (B, C, a, b, S).
torch::Tensor slicingAxisLast(const torch::Tensor& map, SliceAxis axis) {
    switch (axis) {
        case SliceAxis::Sagittal:
            return map.permute({0, 1, 3, 4, 2});
        case SliceAxis::Coronal:
            return map.permute({0, 1, 2, 4, 3});
        case SliceAxis::Axial:
            break;
    }
    return map;
}

// The head's crop from the network's roi, which is (Z, Y, X) like its input.
std::vector<int64_t> cropWithAxisLast(const std::vector<int64_t>& roi, SliceAxis axis) {
    const std::vector<int64_t> xyz{roi[2], roi[1], roi[0]};
    const auto index = static_cast<size_t>(axis);
    std::vector<int64_t> crop;
    for (size_t d = 0; d < 3; ++d) {
        if (d != index) {
            crop.push_back(xyz[d]);
        }
    }
    crop.push_back(xyz[index]);
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

// Parameters then buffers, in registration order. Stored under numbered keys: module names such
// as "global" are reserved words for the archive's TorchScript reader.
std::vector<torch::Tensor> stateTensors(torch::nn::Module& module) {
    std::vector<torch::Tensor> tensors = module.parameters(true);
    for (const auto& buffer : module.buffers(true)) {
        tensors.push_back(buffer);
    }
    return tensors;
}

void writeState(torch::serialize::OutputArchive& archive, const std::string& prefix,
                torch::nn::Module& module) {
    const auto tensors = stateTensors(module);
    for (size_t i = 0; i < tensors.size(); ++i) {
        archive.write(prefix + std::to_string(i), tensors[i].detach().cpu());
    }
}

void readState(torch::serialize::InputArchive& archive, const std::string& prefix,
               torch::nn::Module& module) {
    torch::NoGradGuard noGrad;
    const auto tensors = stateTensors(module);
    for (size_t i = 0; i < tensors.size(); ++i) {
        torch::Tensor stored;
        archive.read(prefix + std::to_string(i), stored);
        if (stored.sizes() != tensors[i].sizes()) {
            throw std::runtime_error("tensor " + std::to_string(i) + " of the " + prefix +
                                     " has another shape");
        }
        tensors[i].copy_(stored);
    }
}

}  // namespace

uint64_t stepSeed(uint64_t seed, int64_t step) {
    // A multiplicative hash of the step (the golden-ratio constant) spreads neighbouring steps
    // over the whole seed range, so step streams do not overlap one another's.
    return seed ^ (static_cast<uint64_t>(step) * 0x9E3779B97F4A7C15ULL);
}

Pretrainer::Pretrainer(model::Network network, PretrainerOptions options)
    : network_(std::move(network)),
      options_(std::move(options)),
      loss_(options_.clusterSizes, options_.tau),
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
    const torch::Device device =
        parameters.empty() ? torch::Device(torch::kCPU) : parameters.front().device();
    precision_ = std::make_unique<MixedPrecision>(options_.amp, device);
    // One fused kernel call per group: the head and logonet-tiny are hundreds of small tensors.
    optimizer_ = std::make_unique<FusedAdamW>(
        parameters,
        torch::optim::AdamWOptions(options_.learningRate).weight_decay(options_.weightDecay));
}

torch::Tensor Pretrainer::forward(const torch::Tensor& input) {
    torch::Tensor map;
    {
        // Only the network runs in reduced precision: the head's logits are divided by tau
        // (0.1), which would magnify bfloat16's rounding tenfold and stall the training.
        const model::AutocastScope autocast(precision_->autocast(), input.device());
        map = network_->forward(reverseSpatialAxes(input).contiguous());
    }
    return head_->forward(
        slicingAxisLast(reverseSpatialAxes(map.to(torch::kFloat)), options_.masking.axis));
}

double Pretrainer::step(const torch::Tensor& crops, const torch::Tensor& labels,
                        int64_t stepIndex) {
    network_->train();
    head_->train();
    const MaskedCrops masked = maskFor(crops, stepIndex);
    for (auto& group : optimizer_->param_groups()) {
        static_cast<torch::optim::AdamWOptions&>(group.options()).lr(schedule_.at(stepIndex));
    }
    try {
        optimizer_->zero_grad();
        const auto logits = forward(masked.input);
        const auto value = loss_(logits, labels.to(logits.device()), masked.masked);
        precision_->scaleLoss(value).backward();
        // One non-finite gradient would poison every weight through the optimiser: skip the
        // step instead (the caller sees the non-finite loss in its events).
        bool finite = precision_->unscale(optimizer_->param_groups().front().params()) &&
                      std::isfinite(value.item<double>());
        for (const auto& p : optimizer_->param_groups().front().params()) {
            if (finite && p.grad().defined()) {
                finite = torch::isfinite(p.grad()).all().item<bool>();
            }
        }
        if (finite) {
            optimizer_->step();
        }
        optimizer_->zero_grad();
        return value.item<double>();
    } catch (const c10::Error& error) {
        throw std::runtime_error(
            "pre-training step failed: " + torchErrorLine(error) +
            " (a batch of 1 needs crops whose deepest feature map has more than one voxel: use a "
            "larger crop or --batch 2)");
    }
}

MaskedCrops Pretrainer::maskFor(const torch::Tensor& crops, int64_t stepIndex) const {
    if (!options_.mask) {
        return SliceMasker::unmasked(crops, options_.masking.axis);
    }
    return SliceMasker(options_.masking, stepSeed(options_.seed, stepIndex)).mask(crops);
}

torch::Tensor Pretrainer::predict(const MaskedCrops& masked) {
    torch::NoGradGuard noGrad;
    network_->eval();
    head_->eval();
    const auto logits = forward(masked.input).to(torch::kCPU);  // (B, S, N, K)
    std::vector<torch::Tensor> perClusterer;
    for (size_t n = 0; n < options_.clusterSizes.size(); ++n) {
        // A clusterer's logits beyond its K_i are no clusters of it (as in the loss).
        perClusterer.push_back(logits.select(2, static_cast<int64_t>(n))
                                   .slice(2, 0, options_.clusterSizes[n])
                                   .argmax(2));
    }
    return torch::stack(perClusterer, 2);
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

void Pretrainer::saveState(const std::string& path, std::optional<int64_t> step) {
    // Everything a resumed run needs: both heads, the branches and the optimiser.
    torch::serialize::OutputArchive archive;
    writeState(archive, "network", *network_);
    writeState(archive, "head", *head_);
    torch::serialize::OutputArchive optimizerArchive;
    optimizer_->save(optimizerArchive);
    archive.write("optimizer", optimizerArchive);
    if (step) {
        archive.write("step", torch::tensor(*step, torch::kInt64));
    }
    writeFileDurably(path, [&](const std::string& temporary) { archive.save_to(temporary); });
}

std::optional<int64_t> Pretrainer::loadState(const std::string& path) {
    torch::serialize::InputArchive archive;
    std::optional<int64_t> step;
    try {
        archive.load_from(path);
        readState(archive, "network", *network_);
        readState(archive, "head", *head_);
        torch::serialize::InputArchive optimizerArchive;
        archive.read("optimizer", optimizerArchive);
        optimizer_->load(optimizerArchive);
        torch::Tensor stored;
        if (archive.try_read("step", stored)) {
            step = stored.item<int64_t>();
        }
    } catch (const c10::Error& error) {
        throw std::runtime_error(path + ": not a pre-training state of this model (" +
                                 std::string(error.what_without_backtrace()) + ")");
    }
    return step;
}

}  // namespace logonet::training
