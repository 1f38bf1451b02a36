// The JSON parser on any bytes: it either throws JsonError or gives a value that writes out and
// reads back to the same text (anything else is a crash for libFuzzer).
#include <cstdint>
#include <cstdlib>
#include <string>

#include "json/Json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    logonet::Json value;
    try {
        value = logonet::Json::parse(text);
    } catch (const logonet::JsonError&) {
        return 0;
    }
    const std::string written = value.dump();
    const std::string again = logonet::Json::parse(written).dump();
    if (again != written) {
        std::abort();  // a value that does not survive its own round trip
    }
    return 0;
}
