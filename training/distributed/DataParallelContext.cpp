#include "distributed/DataParallelContext.h"

#include <torch/csrc/distributed/c10d/comm.hpp>

#include <limits>
#include <stdexcept>
#include <unordered_set>

#include "distributed/CollectiveFailure.h"
#include "distributed/ProcessGroupSetup.h"
#include "network/ComputeDevice.h"

namespace logonet::training {

namespace {

// DistributedDataParallel's bucket size for broadcasts of the network's state.
constexpr size_t kBroadcastBytes = size_t{250} << 20;

// Waits for a collective; its failure as a CollectiveFailure.
void complete(const c10::intrusive_ptr<c10d::Work>& work) {
    try {
        work->wait();
    } catch (const std::exception& error) {
        throw CollectiveFailure(causeOf(error));
    }
}

// The count, types and shapes of `tensors` in one number (FNV-1a, kept non-negative so that
// its negation is representable).
int64_t fingerprintOf(const std::vector<torch::Tensor>& tensors) {
    uint64_t hash = 1469598103934665603ULL;
    auto mix = [&hash](int64_t value) {
        hash ^= static_cast<uint64_t>(value);
        hash *= 1099511628211ULL;
    };
    mix(static_cast<int64_t>(tensors.size()));
    for (const auto& t : tensors) {
        mix(static_cast<int64_t>(t.scalar_type()));
        mix(t.dim());
        for (const int64_t size : t.sizes()) {
            mix(size);
        }
    }
    return static_cast<int64_t>(hash >> 2);
}

}  // namespace

DataParallelContext::DataParallelContext(const DistributedEnvironment& environment,
                                         const std::string& deviceName, DataParallelOptions options)
    : environment_(environment),
      device_(model::resolveComputeDevice(deviceName, environment.localRank)),
      options_(options),
      group_(joinProcessGroup(environment, device_, options.timeout)) {}

DataParallelContext::~DataParallelContext() {
    reducer_.reset();
    if (!finished_) {
        // Leaving early (an error here or on another rank): NCCL's communicators must be
        // aborted, not drained; Gloo's connections close with the process group.
        try {
            group_->abort();
        } catch (const std::exception&) {
            // Nothing more to release.
        }
    }
}

void DataParallelContext::fail(const std::string& exchange, const std::exception& error) const {
    const int world = environment_.worldSize;
    const std::string others =
        world == 2 ? "rank " + std::to_string(1 - environment_.rank) : "another rank";
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(options_.timeout).count();
    throw std::runtime_error(environment_.describe() + ": " + exchange + " failed (" +
                             causeOf(error) + "): " + others +
                             " stopped, died or did not answer within " + std::to_string(seconds) +
                             " s (--dist-timeout); see its output");
}

std::vector<int64_t> DataParallelContext::synchronizeState(model::NetworkImpl& network,
                                                           int64_t startStep) {
    std::vector<torch::Tensor> state;
    for (const auto& p : network.parameters()) {
        state.push_back(p.detach());
    }
    buffers_.clear();
    // A module shared by two parents lists its buffers twice; they are broadcast once.
    std::unordered_set<const void*> seen;
    for (const auto& b : network.buffers()) {
        state.push_back(b.detach());
        if (seen.insert(b.unsafeGetTensorImpl()).second) {
            buffers_.push_back(b);
        }
    }
    const int world = environment_.worldSize;
    const auto onDevice = torch::TensorOptions().dtype(torch::kLong).device(device_);
    // One all-reduce (MAX) of [fingerprint, -fingerprint, each rank's start step]: the largest
    // and the smallest fingerprint must agree, or the broadcast below would mismatch in size.
    torch::Tensor exchange =
        torch::full({2 + world}, std::numeric_limits<int64_t>::min(), torch::kLong);
    const int64_t fingerprint = fingerprintOf(state);
    exchange[0] = fingerprint;
    exchange[1] = -fingerprint;
    exchange[2 + environment_.rank] = startStep;
    std::vector<torch::Tensor> tensors{exchange.to(onDevice)};
    c10d::AllreduceOptions maximum;
    maximum.reduceOp = c10d::ReduceOp::MAX;
    try {
        complete(group_->allreduce(tensors, maximum));
    } catch (const std::exception& error) {
        fail("the start-up exchange", error);
    }
    const torch::Tensor all = tensors[0].cpu();
    if (all[0].item<int64_t>() != -all[1].item<int64_t>()) {
        throw std::runtime_error(environment_.describe() +
                                 ": the ranks built networks with different parameters or "
                                 "buffers: start every rank with the same run configuration");
    }
    std::vector<int64_t> starts;
    for (int r = 0; r < world; ++r) {
        starts.push_back(all[2 + r].item<int64_t>());
    }
    try {
        c10d::broadcast_coalesced(group_, state, kBroadcastBytes, 0);
    } catch (const std::exception& error) {
        fail("the broadcast of rank 0's initial weights", error);
    }
    reducer_ = std::make_unique<GradientBucketReducer>(network, group_, options_.buckets);
    buffersStale_ = false;
    startStep_ = startStep;
    return starts;
}

void DataParallelContext::beginMicroBatch(bool lastOfStep) {
    try {
        reducer_->beginForward(lastOfStep);
    } catch (const std::exception& error) {
        fail("the exchange of the gradient bucket layout", error);
    }
    // As DistributedDataParallel does: before the first forward pass after an averaging one,
    // not before those whose gradients only accumulate locally (its no_sync), which would add
    // an exchange per micro-batch that changes nothing on rank 0.
    if (buffersStale_) {
        broadcastBuffers();
    }
    buffersStale_ = lastOfStep;
}

void DataParallelContext::backward(const torch::Tensor& loss) {
    reducer_->beginBackward();
    try {
        loss.backward();
    } catch (const CollectiveFailure& error) {
        fail("the gradient all-reduce", error);
    }
}

void DataParallelContext::averageStatistics(std::vector<double>& statistics) {
    std::vector<torch::Tensor> values{
        torch::tensor(statistics, torch::TensorOptions().dtype(torch::kDouble)).to(device_)};
    try {
        complete(group_->allreduce(values));
    } catch (const std::exception& error) {
        fail("the exchange of the step's loss", error);
    }
    const torch::Tensor mean = values[0].cpu() / environment_.worldSize;
    for (size_t n = 0; n < statistics.size(); ++n) {
        statistics[n] = mean[static_cast<int64_t>(n)].item<double>();
    }
    ++stepsRun_;
}

void DataParallelContext::broadcastBuffers() {
    buffersStale_ = false;
    if (buffers_.empty()) {
        return;
    }
    // Coalesced as DistributedDataParallel does it: one flat tensor per type (float statistics,
    // integer counters) and 250 MiB bucket, so one broadcast each instead of one per buffer.
    try {
        c10d::broadcast_coalesced(group_, buffers_, kBroadcastBytes, 0);
    } catch (const std::exception& error) {
        fail("the broadcast of rank 0's buffers", error);
    }
}

void DataParallelContext::finish() {
    c10d::BarrierOptions options;
    if (device_.is_cuda()) {
        // Otherwise NCCL guesses the GPU from the rank, which need not be LOCAL_RANK's.
        options.device = device_;
        options.device_ids = {device_.index()};
    }
    try {
        complete(group_->barrier(options));
        group_->shutdown();
    } catch (const std::exception& error) {
        fail("the final barrier", error);
    }
    finished_ = true;
}

size_t DataParallelContext::bucketCount() const {
    return reducer_ ? reducer_->bucketCount() : 0;
}

}  // namespace logonet::training
