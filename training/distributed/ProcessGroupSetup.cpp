#include "distributed/ProcessGroupSetup.h"

#include <c10/util/Logging.h>
#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>

#include <cstdlib>
#include <mutex>
#include <stdexcept>

#include "distributed/CollectiveBackends.h"
#include "distributed/CollectiveFailure.h"

namespace logonet::training {

namespace {

std::string secondsText(std::chrono::milliseconds timeout) {
    const auto seconds = std::chrono::duration<double>(timeout).count();
    std::string text = std::to_string(seconds);
    text.erase(text.find_last_not_of('0') + 1);
    if (text.back() == '.') {
        text.pop_back();
    }
    return text + " s";
}

// c10d logs every failed attempt to reach the store, each with a C++ backtrace; a rank that
// gives up says why in one line of its own. So that log is silenced while ranks meet, unless the
// user asked for it with TORCH_CPP_LOG_LEVEL. Counted, because ranks may meet on threads of one
// process (tests).
class QuietConnectionLog {
  public:
    QuietConnectionLog() : active_(std::getenv("TORCH_CPP_LOG_LEVEL") == nullptr) {
        if (active_) {
            const std::lock_guard<std::mutex> lock(mutex());
            if (depth()++ == 0) {
                saved() = FLAGS_caffe2_log_level;
                FLAGS_caffe2_log_level = 3;  // fatal only
            }
        }
    }
    ~QuietConnectionLog() {
        if (active_) {
            const std::lock_guard<std::mutex> lock(mutex());
            if (--depth() == 0) {
                FLAGS_caffe2_log_level = saved();
            }
        }
    }
    QuietConnectionLog(const QuietConnectionLog&) = delete;
    QuietConnectionLog& operator=(const QuietConnectionLog&) = delete;

  private:
    static std::mutex& mutex() {
        static std::mutex m;
        return m;
    }
    static int& depth() {
        static int d = 0;
        return d;
    }
    static int& saved() {
        static int level = 0;
        return level;
    }
    bool active_;
};

c10::intrusive_ptr<c10d::Store> rendezvous(const DistributedEnvironment& e,
                                           std::chrono::milliseconds timeout) {
    c10d::TCPStoreOptions options;
    options.port = static_cast<std::uint16_t>(e.masterPort);
    options.isServer = e.rank == 0;
    options.numWorkers = static_cast<std::size_t>(e.worldSize);
    options.waitWorkers = true;
    options.timeout = timeout;
    const QuietConnectionLog quiet;
    try {
        return c10::make_intrusive<c10d::TCPStore>(e.masterAddress, options);
    } catch (const std::exception& error) {
        if (e.rank == 0) {
            throw std::runtime_error(
                e.describe() + ": the rendezvous at " + e.masterEndpoint() +
                " did not complete within " + secondsText(timeout) + " (" + causeOf(error) +
                "): are all " + std::to_string(e.worldSize) +
                " ranks started with this MASTER_ADDR and MASTER_PORT, and is the port free "
                "on this host?");
        }
        throw std::runtime_error(e.describe() + ": cannot reach the rendezvous at " +
                                 e.masterEndpoint() + " within " + secondsText(timeout) + " (" +
                                 causeOf(error) +
                                 "): is rank 0 running, and are MASTER_ADDR and MASTER_PORT its "
                                 "host and port?");
    }
}

}  // namespace

c10::intrusive_ptr<c10d::ProcessGroup> joinProcessGroup(const DistributedEnvironment& environment,
                                                        const torch::Device& device,
                                                        std::chrono::milliseconds timeout) {
    const c10::intrusive_ptr<c10d::Store> store = rendezvous(environment, timeout);
    const bool gpu = device.is_cuda();
    const std::string name = gpu ? "NCCL" : "Gloo";
    auto group =
        c10::make_intrusive<c10d::ProcessGroup>(store, environment.rank, environment.worldSize);
    try {
        // The backend's keys in a namespace of their own, as torch.distributed keeps them.
        const auto backendStore = c10::make_intrusive<c10d::PrefixStore>("logonet/" + name, store);
        if (gpu) {
            group->setBackend(c10::DeviceType::CUDA, c10d::ProcessGroup::BackendType::NCCL,
                              createNcclBackend(backendStore, environment.rank,
                                                environment.worldSize, device.index(), timeout));
            group->setDefaultBackend(c10d::ProcessGroup::BackendType::NCCL);
        } else {
            group->setBackend(
                c10::DeviceType::CPU, c10d::ProcessGroup::BackendType::GLOO,
                createGlooBackend(backendStore, environment.rank, environment.worldSize,
                                  environment.masterAddress, timeout));
            group->setDefaultBackend(c10d::ProcessGroup::BackendType::GLOO);
        }
        group->setGroupName("logonet");
    } catch (const std::exception& error) {
        throw std::runtime_error(
            environment.describe() + ": the ranks met at " + environment.masterEndpoint() +
            " but could not connect over " + name + " within " + secondsText(timeout) + " (" +
            causeOf(error) + "): can the ranks' hosts reach each other (set " +
            (gpu ? "NCCL" : "GLOO") + "_SOCKET_IFNAME to pick the network interface)?");
    }
    return group;
}

}  // namespace logonet::training
