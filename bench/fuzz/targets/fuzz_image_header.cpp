// The image header checks that run before any voxel is allocated (core/io/VoxelPayload): the
// first byte picks the format (.nii, .nrrd, .mha), the rest is the file; the dimensions the
// check is asked about come from the file's own bytes, as a hostile header would give them.
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "io/VoxelPayload.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 1) {
        return 0;
    }
    static const char* const names[] = {"scan.nii", "scan.nrrd", "scan.mha", "scan.NII"};
    const std::string name = names[data[0] % 4];
    const std::string head(reinterpret_cast<const char*>(data + 1), size - 1);
    const auto payload = logonet::rawPayloadBytesOf(name, head, head.size() + data[0] * 977ull);
    std::vector<uint64_t> dimensions;
    for (size_t at = 1; at + 8 <= size && dimensions.size() < 7; at += 8) {
        uint64_t value = 0;
        std::memcpy(&value, data + at, 8);
        dimensions.push_back(value);
    }
    const std::string problem = logonet::voxelPayloadProblem(dimensions, 1 + data[0] % 16, payload);
    (void)problem;
    (void)logonet::headerProblemBeforeItkOf(name, head);
    return 0;
}
