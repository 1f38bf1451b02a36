#include "journal/Crc32.h"

#include <array>

namespace logonet {

namespace {

std::array<uint32_t, 256> makeTable() {
    std::array<uint32_t, 256> table{};
    for (uint32_t n = 0; n < 256; ++n) {
        uint32_t c = n;
        for (int bit = 0; bit < 8; ++bit) {
            c = (c & 1u) ? 0xedb88320u ^ (c >> 1) : c >> 1;
        }
        table[n] = c;
    }
    return table;
}

}  // namespace

void Crc32::update(const void* data, size_t size) {
    static const std::array<uint32_t, 256> table = makeTable();
    const auto* bytes = static_cast<const unsigned char*>(data);
    for (size_t n = 0; n < size; ++n) {
        state_ = table[(state_ ^ bytes[n]) & 0xffu] ^ (state_ >> 8);
    }
}

}  // namespace logonet
