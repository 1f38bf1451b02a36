#pragma once

#include <cstddef>
#include <cstdint>

namespace logonet {

// CRC-32 (the IEEE polynomial of zlib and PNG), to tell a complete journal record from a torn
// or damaged one. Kept here because the storage layer must not depend on zlib being present.
class Crc32 {
  public:
    void update(const void* data, size_t size);
    uint32_t value() const { return ~state_; }

    static uint32_t of(const void* data, size_t size) {
        Crc32 crc;
        crc.update(data, size);
        return crc.value();
    }

  private:
    uint32_t state_ = 0xffffffffu;
};

}  // namespace logonet
