#include "import/ContentHash.h"

#include <cstdint>
#include <cstdio>
#include <cstring>

namespace logonet {

namespace {

uint64_t mix(uint64_t h) {
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

// Two independent multiply-rotate lanes over 8-byte words: fast enough to hash a 300 MB volume
// in a small fraction of the time it takes to decompress it.
struct Lanes {
    uint64_t a = 0x9E3779B97F4A7C15ULL, b = 0xC2B2AE3D27D4EB4FULL;

    void add(uint64_t word) {
        a = (a ^ word) * 0x100000001B3ULL;
        a = (a << 31) | (a >> 33);
        b = (b + word) * 0xff51afd7ed558ccdULL;
        b ^= b >> 29;
    }
};

// The grid, then the voxels by value two per word; the same scheme for images and label maps.
template <typename T>
std::string hashVolume(const Volume<T>& volume) {
    Lanes lanes;
    const ImageGeometry& g = volume.geometry();
    for (int a = 0; a < 3; ++a) {
        lanes.add(static_cast<uint64_t>(g.size[a]));
        // Rounded so that float noise in a header round trip does not make a different scan.
        lanes.add(static_cast<uint64_t>(static_cast<int64_t>(g.spacing[a] * 1e4 + 0.5)));
        lanes.add(static_cast<uint64_t>(static_cast<int64_t>(g.origin[a] * 1e3)));
    }
    // By value, not by bytes: -0.0 (which int16 files cannot store) hashes like 0.0.
    const std::vector<T>& voxels = volume.voxels();
    size_t n = 0;
    auto bitsOf = [](float v) {
        uint32_t bits = 0;
        const float canonical = v + 0.0f;
        std::memcpy(&bits, &canonical, 4);
        return static_cast<uint64_t>(bits);
    };
    for (; n + 2 <= voxels.size(); n += 2) {
        lanes.add(bitsOf(static_cast<float>(voxels[n])) |
                  (bitsOf(static_cast<float>(voxels[n + 1])) << 32));
    }
    if (n < voxels.size()) {
        lanes.add(bitsOf(static_cast<float>(voxels[n])) | (uint64_t(1) << 63));
    }
    char text[40];
    std::snprintf(text, sizeof text, "%016llx%016llx",
                  static_cast<unsigned long long>(mix(lanes.a)),
                  static_cast<unsigned long long>(mix(lanes.b ^ lanes.a)));
    return text;
}

}  // namespace

std::string contentHash(const ImageVolume& image) {
    return hashVolume(image);
}

std::string contentHash(const LabelVolume& labels) {
    return hashVolume(labels);
}

}  // namespace logonet
