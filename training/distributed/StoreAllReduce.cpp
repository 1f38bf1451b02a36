#include "distributed/StoreAllReduce.h"

#include <torch/csrc/distributed/c10d/TCPStore.hpp>

#include <chrono>
#include <thread>

#include <cstdlib>
#include <cstring>
#include <stdexcept>

namespace logonet::training {

namespace {

int environmentInt(const char* name, int fallback) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') {
        return fallback;
    }
    char* end = nullptr;
    const long parsed = std::strtol(value, &end, 10);
    if (*end != '\0' || parsed < 0) {
        throw std::invalid_argument(std::string(name) + "='" + value + "' is not a whole number");
    }
    return static_cast<int>(parsed);
}

std::vector<uint8_t> bytesOf(const torch::Tensor& flat) {
    const auto* begin = static_cast<const uint8_t*>(flat.data_ptr());
    return std::vector<uint8_t>(begin, begin + flat.numel() * flat.element_size());
}

}  // namespace

std::optional<DistributedEnvironment> DistributedEnvironment::fromEnvironment() {
    DistributedEnvironment e;
    e.worldSize = environmentInt("WORLD_SIZE", 1);
    if (e.worldSize <= 1) {
        return std::nullopt;
    }
    e.rank = environmentInt("RANK", 0);
    e.localRank = environmentInt("LOCAL_RANK", 0);
    e.masterPort = environmentInt("MASTER_PORT", 29500);
    if (const char* address = std::getenv("MASTER_ADDR")) {
        e.masterAddress = address;
    }
    if (e.rank >= e.worldSize) {
        throw std::invalid_argument("RANK " + std::to_string(e.rank) + " is not below WORLD_SIZE " +
                                    std::to_string(e.worldSize));
    }
    return e;
}

StoreAllReduce::StoreAllReduce(const DistributedEnvironment& environment,
                               std::chrono::milliseconds timeout)
    : rank_(environment.rank), worldSize_(environment.worldSize) {
    c10d::TCPStoreOptions options;
    options.port = static_cast<std::uint16_t>(environment.masterPort);
    options.isServer = rank_ == 0;
    options.numWorkers = static_cast<std::size_t>(worldSize_);
    options.waitWorkers = true;
    options.timeout = timeout;
    try {
        store_ = std::make_shared<c10d::TCPStore>(environment.masterAddress, options);
    } catch (const std::exception& error) {
        std::string message = error.what();
        message = message.substr(0, message.find('\n'));
        throw std::runtime_error("rank " + std::to_string(rank_) + ": cannot reach the store at " +
                                 environment.masterAddress + ":" +
                                 std::to_string(environment.masterPort) + " (" + message + ")");
    }
}

StoreAllReduce::~StoreAllReduce() {
    // Rank 0 hosts the store: if it went away while another rank was still reading the last
    // round, that rank would fail with "connection reset". Every rank checks out, and rank 0
    // keeps the store up until all have (bounded, and never throwing from a destructor).
    try {
        store_->add("logonet/finished", 1);
        if (rank_ != 0) {
            return;
        }
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        while (store_->add("logonet/finished", 0) < worldSize_ &&
               std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    } catch (const std::exception&) {
        // Another rank already gone: nothing left to protect.
    }
}

torch::Tensor StoreAllReduce::exchangeSum(const torch::Tensor& flat) {
    const int64_t round = round_++;
    const std::string prefix = "logonet/" + std::to_string(round) + "/";
    store_->set(prefix + std::to_string(rank_), bytesOf(flat));
    torch::Tensor sum = torch::zeros_like(flat);
    // Summed in rank order on every rank, so every rank gets bit-identical results.
    for (int r = 0; r < worldSize_; ++r) {
        const std::vector<uint8_t> bytes = store_->get(prefix + std::to_string(r));
        if (bytes.size() != static_cast<size_t>(flat.numel() * flat.element_size())) {
            throw std::runtime_error("rank " + std::to_string(r) +
                                     " sent a tensor of another size: are all ranks running the "
                                     "same configuration?");
        }
        torch::Tensor other = torch::empty_like(flat);
        std::memcpy(other.data_ptr(), bytes.data(), bytes.size());
        sum += other;
    }
    // Every rank has read round - 2 before writing round - 1, so that key is no longer needed.
    if (round >= 2) {
        store_->deleteKey("logonet/" + std::to_string(round - 2) + "/" + std::to_string(rank_));
    }
    return sum;
}

void StoreAllReduce::averageGradients(model::NetworkImpl& network) {
    std::vector<torch::Tensor> gradients;
    for (auto& p : network.parameters()) {
        if (!p.grad().defined()) {
            p.mutable_grad() = torch::zeros_like(p);
        }
        gradients.push_back(p.grad().detach().to(torch::kCPU).to(torch::kFloat).reshape(-1));
    }
    const torch::Tensor mean = exchangeSum(torch::cat(gradients).contiguous()) / worldSize_;
    int64_t offset = 0;
    torch::NoGradGuard noGrad;
    for (auto& p : network.parameters()) {
        const int64_t n = p.numel();
        p.mutable_grad().copy_(mean.slice(0, offset, offset + n).view_as(p));
        offset += n;
    }
}

void StoreAllReduce::broadcastState(model::NetworkImpl& network) {
    std::vector<torch::Tensor> state;
    for (const auto& p : network.parameters()) {
        state.push_back(p);
    }
    for (const auto& b : network.buffers()) {
        if (b.is_floating_point()) {
            state.push_back(b);
        }
    }
    std::vector<torch::Tensor> flat;
    for (const auto& t : state) {
        flat.push_back(t.detach().to(torch::kCPU).to(torch::kFloat).reshape(-1));
    }
    torch::Tensor mine = torch::cat(flat).contiguous();
    // Rank 0's values on every rank: the others contribute zeros to the sum.
    if (rank_ != 0) {
        mine.zero_();
    }
    const torch::Tensor shared = exchangeSum(mine);
    int64_t offset = 0;
    torch::NoGradGuard noGrad;
    for (auto& t : state) {
        const int64_t n = t.numel();
        t.copy_(shared.slice(0, offset, offset + n).view_as(t));
        offset += n;
    }
}

ParallelContext StoreAllReduce::context() {
    ParallelContext context;
    context.rank = rank_;
    context.worldSize = worldSize_;
    context.averageGradients = [this](model::NetworkImpl& network) { averageGradients(network); };
    context.synchronizeState = [this](model::NetworkImpl& network) { broadcastState(network); };
    return context;
}

}  // namespace logonet::training
