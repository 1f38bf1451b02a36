#include "distributed/StoreAllReduce.h"

#include <torch/csrc/distributed/c10d/TCPStore.hpp>

#include <chrono>
#include <thread>

#include <cstdlib>
#include <cstring>
#include <stdexcept>

namespace logonet::training {

namespace {

// The first of the variables that is set, as a whole number; `fallback` when none is.
int environmentInt(std::initializer_list<const char*> names, int fallback) {
    for (const char* name : names) {
        const char* value = std::getenv(name);
        if (value == nullptr || *value == '\0') {
            continue;
        }
        char* end = nullptr;
        const long parsed = std::strtol(value, &end, 10);
        if (*end != '\0' || parsed < 0) {
            throw std::invalid_argument(std::string(name) + "='" + value +
                                        "' is not a whole number");
        }
        return static_cast<int>(parsed);
    }
    return fallback;
}

std::vector<uint8_t> bytesOf(const torch::Tensor& flat) {
    const auto* begin = static_cast<const uint8_t*>(flat.data_ptr());
    return std::vector<uint8_t>(begin, begin + flat.numel() * flat.element_size());
}

std::string firstLine(const std::string& text) {
    return text.substr(0, text.find('\n'));
}

}  // namespace

std::optional<DistributedEnvironment> DistributedEnvironment::fromEnvironment() {
    DistributedEnvironment e;
    e.worldSize = environmentInt({"WORLD_SIZE", "SLURM_NTASKS"}, 1);
    if (e.worldSize <= 1) {
        return std::nullopt;
    }
    e.rank = environmentInt({"RANK", "SLURM_PROCID"}, 0);
    e.localRank = environmentInt({"LOCAL_RANK", "SLURM_LOCALID"}, 0);
    e.masterPort = environmentInt({"MASTER_PORT"}, 29500);
    if (e.masterPort < 1 || e.masterPort > 65535) {
        throw std::invalid_argument("MASTER_PORT=" + std::to_string(e.masterPort) +
                                    " is not a TCP port");
    }
    if (const char* address = std::getenv("MASTER_ADDR"); address != nullptr && *address != '\0') {
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
    : rank_(environment.rank),
      worldSize_(environment.worldSize),
      localRank_(environment.localRank),
      timeout_(timeout) {
    c10d::TCPStoreOptions options;
    options.port = static_cast<std::uint16_t>(environment.masterPort);
    options.isServer = rank_ == 0;
    options.numWorkers = static_cast<std::size_t>(worldSize_);
    options.waitWorkers = true;
    options.timeout = timeout;
    try {
        store_ = std::make_shared<c10d::TCPStore>(environment.masterAddress, options);
    } catch (const std::exception& error) {
        throw std::runtime_error(
            "rank " + std::to_string(rank_) + " of " + std::to_string(worldSize_) +
            ": cannot set up the job's store at " + environment.masterAddress + ":" +
            std::to_string(environment.masterPort) + " (" + firstLine(error.what()) +
            "): are all ranks started, and are MASTER_ADDR and MASTER_PORT rank 0's host and a "
            "free port?");
    }
}

StoreAllReduce::~StoreAllReduce() {
    if (failed_) {
        return;
    }
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

void StoreAllReduce::fail(int missingRank, const std::exception& error) {
    failed_ = true;
    const std::string me = "rank " + std::to_string(rank_) + " of " + std::to_string(worldSize_);
    const std::string cause = firstLine(error.what());
    if (rank_ != 0 && missingRank == 0) {
        throw std::runtime_error(me + ": lost rank 0, which hosts the job's store (" + cause +
                                 "): it stopped or died; see its output");
    }
    throw std::runtime_error(
        me + ": no data from rank " + std::to_string(missingRank) + " within " +
        std::to_string(std::chrono::duration_cast<std::chrono::seconds>(timeout_).count()) +
        " s (" + cause + "): it stopped, died or hangs; see its output");
}

torch::Tensor StoreAllReduce::exchangeSum(const torch::Tensor& flat) {
    const int64_t round = round_++;
    const std::string prefix = "logonet/" + std::to_string(round) + "/";
    try {
        store_->set(prefix + std::to_string(rank_), bytesOf(flat));
    } catch (const std::exception& error) {
        fail(0, error);
    }
    torch::Tensor sum = torch::zeros_like(flat);
    // Summed in rank order on every rank, so every rank gets bit-identical results.
    for (int r = 0; r < worldSize_; ++r) {
        std::vector<uint8_t> bytes;
        try {
            bytes = store_->get(prefix + std::to_string(r));
        } catch (const std::exception& error) {
            fail(r, error);
        }
        if (bytes.size() != static_cast<size_t>(flat.numel() * flat.element_size())) {
            failed_ = true;
            throw std::runtime_error("rank " + std::to_string(r) +
                                     " sent a buffer of another size: are all ranks running the "
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

void StoreAllReduce::averageGradients(model::NetworkImpl& network,
                                      std::vector<double>& statistics) {
    std::vector<torch::Tensor> flat;
    for (auto& p : network.parameters()) {
        if (!p.grad().defined()) {
            p.mutable_grad() = torch::zeros_like(p);
        }
        flat.push_back(p.grad().detach().to(torch::kCPU).to(torch::kFloat).reshape(-1));
    }
    std::vector<float> values(statistics.begin(), statistics.end());
    flat.push_back(torch::tensor(values, torch::kFloat));
    const torch::Tensor mean = exchangeSum(torch::cat(flat).contiguous()) / worldSize_;
    int64_t offset = 0;
    torch::NoGradGuard noGrad;
    for (auto& p : network.parameters()) {
        const int64_t n = p.numel();
        p.mutable_grad().copy_(mean.slice(0, offset, offset + n).view_as(p));
        offset += n;
    }
    for (double& value : statistics) {
        value = mean[offset++].item<double>();
    }
}

std::vector<int64_t> StoreAllReduce::broadcastState(model::NetworkImpl& network, int64_t step) {
    std::vector<torch::Tensor> state;
    for (const auto& p : network.parameters()) {
        state.push_back(p);
    }
    for (const auto& b : network.buffers()) {
        state.push_back(b);
    }
    // Buffers (BatchNorm's batch counter) travel as float: exact below 2^24.
    std::vector<torch::Tensor> flat;
    for (const auto& t : state) {
        flat.push_back(t.detach().to(torch::kCPU).to(torch::kFloat).reshape(-1));
    }
    torch::Tensor mine = torch::cat(flat).contiguous();
    // Rank 0's values on every rank: the others contribute zeros to the sum.
    if (rank_ != 0) {
        mine.zero_();
    }
    // Then one slot per rank for its start step.
    torch::Tensor steps = torch::zeros({worldSize_}, torch::kFloat);
    steps[rank_] = static_cast<float>(step);
    const torch::Tensor shared = exchangeSum(torch::cat({mine, steps}));
    int64_t offset = 0;
    torch::NoGradGuard noGrad;
    for (auto& t : state) {
        const int64_t n = t.numel();
        t.copy_(shared.slice(0, offset, offset + n).view_as(t));
        offset += n;
    }
    std::vector<int64_t> starts;
    for (int r = 0; r < worldSize_; ++r) {
        starts.push_back(static_cast<int64_t>(shared[offset + r].item<double>()));
    }
    return starts;
}

ParallelContext StoreAllReduce::context() {
    ParallelContext context;
    context.rank = rank_;
    context.worldSize = worldSize_;
    context.localRank = localRank_;
    context.averageGradients = [this](model::NetworkImpl& network,
                                      std::vector<double>& statistics) {
        averageGradients(network, statistics);
    };
    context.synchronizeState = [this](model::NetworkImpl& network, int64_t step) {
        return broadcastState(network, step);
    };
    return context;
}

}  // namespace logonet::training
