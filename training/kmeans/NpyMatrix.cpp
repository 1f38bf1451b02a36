#include "kmeans/NpyMatrix.h"

#include <cstdint>
#include <cstring>
#include <fstream>
#include <regex>
#include <stdexcept>

namespace logonet::training {

namespace {

[[noreturn]] void fail(const std::string& path, const std::string& what) {
    throw std::runtime_error(path + ": " + what);
}

}  // namespace

torch::Tensor readNpyMatrix(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        fail(path, "cannot open the file");
    }
    char magic[8] = {};
    in.read(magic, 8);
    if (!in || std::memcmp(magic, "\x93NUMPY", 6) != 0) {
        fail(path, "not a .npy file (bad magic bytes)");
    }
    const int major = static_cast<unsigned char>(magic[6]);
    uint32_t headerLength = 0;
    if (major == 1) {
        unsigned char bytes[2];
        in.read(reinterpret_cast<char*>(bytes), 2);
        headerLength = bytes[0] | (bytes[1] << 8);
    } else if (major == 2 || major == 3) {
        unsigned char bytes[4];
        in.read(reinterpret_cast<char*>(bytes), 4);
        headerLength = bytes[0] | (bytes[1] << 8) | (bytes[2] << 16) | (uint32_t(bytes[3]) << 24);
    } else {
        fail(path, "unsupported .npy version " + std::to_string(major));
    }
    std::string header(headerLength, '\0');
    in.read(header.data(), headerLength);
    if (!in) {
        fail(path, "truncated header");
    }
    if (header.find("'descr': '<f4'") == std::string::npos) {
        fail(path, "expected float32 data ('<f4'), header is " + header);
    }
    if (header.find("'fortran_order': False") == std::string::npos) {
        fail(path, "expected C-order data (save with numpy.ascontiguousarray)");
    }
    std::smatch match;
    static const std::regex shape(R"('shape':\s*\(\s*(\d+)\s*,\s*(\d+)\s*,?\s*\))");
    if (!std::regex_search(header, match, shape)) {
        fail(path, "expected a 2-D matrix, header is " + header);
    }
    const int64_t rows = std::stoll(match[1].str());
    const int64_t columns = std::stoll(match[2].str());
    auto matrix = torch::empty({rows, columns}, torch::kFloat32);
    const auto bytes = static_cast<std::streamsize>(rows * columns * sizeof(float));
    in.read(reinterpret_cast<char*>(matrix.data_ptr<float>()), bytes);
    if (in.gcount() != bytes) {
        fail(path, "truncated data: expected " + std::to_string(rows) + " x " +
                       std::to_string(columns) + " float32 values");
    }
    return matrix;
}

void writeNpyMatrix(const std::string& path, const torch::Tensor& matrix) {
    const auto data = matrix.to(torch::kCPU, torch::kFloat32).contiguous();
    if (data.dim() != 2) {
        throw std::invalid_argument("writeNpyMatrix needs a 2-D tensor");
    }
    std::string header = "{'descr': '<f4', 'fortran_order': False, 'shape': (" +
                         std::to_string(data.size(0)) + ", " + std::to_string(data.size(1)) +
                         "), }";
    // Data starts on a 64-byte boundary: 10 bytes of preamble, header padded with spaces + '\n'.
    const size_t total = 10 + header.size() + 1;
    header.append((64 - total % 64) % 64, ' ');
    header.push_back('\n');
    std::ofstream out(path, std::ios::binary);
    if (!out) {
        fail(path, "cannot create the file");
    }
    out.write("\x93NUMPY\x01\x00", 8);
    const uint16_t length = static_cast<uint16_t>(header.size());
    const unsigned char bytes[2] = {static_cast<unsigned char>(length & 0xff),
                                    static_cast<unsigned char>(length >> 8)};
    out.write(reinterpret_cast<const char*>(bytes), 2);
    out.write(header.data(), static_cast<std::streamsize>(header.size()));
    out.write(reinterpret_cast<const char*>(data.data_ptr<float>()),
              static_cast<std::streamsize>(data.numel() * sizeof(float)));
    if (!out) {
        fail(path, "write failed");
    }
}

}  // namespace logonet::training
