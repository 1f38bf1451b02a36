// Compiled with USE_C10D_GLOO and LOGONET_GLOO where Gloo's headers were found
// (training/CMakeLists.txt): they come from libgloo-dev, since PyTorch's wheel has Gloo inside
// libtorch_cpu but does not ship its headers. A GPU server that builds only the engine may lack
// them; its GPU training runs on NCCL.
#ifdef LOGONET_GLOO
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>

#include <arpa/inet.h>
#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#endif

#include <stdexcept>

#include "distributed/CollectiveBackends.h"

namespace logonet::training {

#ifdef LOGONET_GLOO
namespace {

// The local address of the route to `host`: connecting a UDP socket sends nothing, it only
// picks the interface. Empty when the host does not resolve or has no route.
std::string localAddressTowards(const std::string& host) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_DGRAM;
    addrinfo* found = nullptr;
    if (::getaddrinfo(host.c_str(), "9", &hints, &found) != 0 || found == nullptr) {
        return {};
    }
    std::string address;
    for (const addrinfo* a = found; a != nullptr && address.empty(); a = a->ai_next) {
        const int probe = ::socket(a->ai_family, SOCK_DGRAM, 0);
        if (probe < 0) {
            continue;
        }
        sockaddr_storage local{};
        socklen_t length = sizeof(local);
        char text[INET6_ADDRSTRLEN] = {};
        if (::connect(probe, a->ai_addr, a->ai_addrlen) == 0 &&
            ::getsockname(probe, reinterpret_cast<sockaddr*>(&local), &length) == 0) {
            const void* raw =
                local.ss_family == AF_INET
                    ? static_cast<const void*>(&reinterpret_cast<sockaddr_in*>(&local)->sin_addr)
                    : static_cast<const void*>(&reinterpret_cast<sockaddr_in6*>(&local)->sin6_addr);
            if (::inet_ntop(local.ss_family, raw, text, sizeof(text)) != nullptr) {
                address = text;
            }
        }
        ::close(probe);
    }
    ::freeaddrinfo(found);
    return address;
}

std::shared_ptr<::gloo::transport::Device> glooDevice(const std::string& masterAddress) {
    if (const char* interface = std::getenv("GLOO_SOCKET_IFNAME");
        interface != nullptr && *interface != '\0') {
        const std::string names(interface);
        return c10d::ProcessGroupGloo::createDeviceForInterface(names.substr(0, names.find(',')));
    }
    // Not the default device: it binds to whatever the hostname resolves to, which on Debian is
    // 127.0.1.1, unreachable from the other machines of a job.
    const std::string local = localAddressTowards(masterAddress);
    if (!local.empty()) {
        return c10d::ProcessGroupGloo::createDeviceForHostname(local);
    }
    return c10d::ProcessGroupGloo::createDefaultDevice();
}

}  // namespace

c10::intrusive_ptr<c10d::Backend> createGlooBackend(const c10::intrusive_ptr<c10d::Store>& store,
                                                    int rank, int size,
                                                    const std::string& masterAddress,
                                                    std::chrono::milliseconds timeout) {
    auto options = c10d::ProcessGroupGloo::Options::create(timeout);
    options->devices.push_back(glooDevice(masterAddress));
    return c10::make_intrusive<c10d::ProcessGroupGloo>(store, rank, size, options);
}
#else
c10::intrusive_ptr<c10d::Backend> createGlooBackend(const c10::intrusive_ptr<c10d::Store>&, int,
                                                    int, const std::string&,
                                                    std::chrono::milliseconds) {
    throw std::runtime_error(
        "data-parallel training on the CPU needs Gloo, which this build of logonet does not have "
        "(Gloo's headers, Debian's libgloo-dev, were missing when it was configured)");
}
#endif

}  // namespace logonet::training
